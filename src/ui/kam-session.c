/* kam-session.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include "kam-session.h"
#include "kam-db.h"
#include "kam-drafts.h"
#include "kam-ui-util.h"
#include "kam-window.h"

#define RECENT_MENU_LENGTH 10

struct _KamSession
{
  GObject parent_instance;

  GtkRecentManager *recent; /* (nullable): the default one, when first needed */
  GSettings *settings; /* (nullable): without the schema installed, nothing is kept */
  GMenu *recent_menu;
};

G_DEFINE_FINAL_TYPE (KamSession, kam_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RECENT_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- recent files ---------------------------------------------------------- */

static void
update_recent_menu (KamSession *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < RECENT_MENU_LENGTH; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autoptr (GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".kamlang") || !gtk_recent_info_exists (l->data))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (l->data), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static GtkRecentManager *
ensure_recent (KamSession *self)
{
  if (self->recent == NULL)
    {
      self->recent = g_object_ref (gtk_recent_manager_get_default ());
      g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (update_recent_menu), self);
      update_recent_menu (self);
    }
  return self->recent;
}

/**
 * kam_session_get_recent_menu:
 *
 * Returns: (transfer none): the Open Recent menu, kept up to date: the
 *   datasets opened or saved lately, newest first
 */
GMenuModel *
kam_session_get_recent_menu (KamSession *self)
{
  g_return_val_if_fail (KAM_IS_SESSION (self), NULL);
  ensure_recent (self);
  return G_MENU_MODEL (self->recent_menu);
}

/* A file a window opened or saved: offered in Open Recent, and opened at the
 * next launch. */
void
kam_session_remember_file (KamSession *self, GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (KAM_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (ensure_recent (self), uri);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-file", uri);
}

/**
 * kam_session_dup_last_file:
 *
 * Returns: (transfer full) (nullable): the file opened or saved last, if it
 *   is still there
 */
GFile *
kam_session_dup_last_file (KamSession *self)
{
  g_autofree char *uri = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_val_if_fail (KAM_IS_SESSION (self), NULL);
  if (self->settings == NULL)
    return NULL;
  uri = g_settings_get_string (self->settings, "last-file");
  if (*uri == '\0')
    return NULL;
  file = g_file_new_for_uri (uri);
  /* a shared dataset is there when its server answers: opening it tells */
  if (kam_db_is_address (uri))
    return g_steal_pointer (&file);
  return g_file_query_exists (file, NULL) ? g_steal_pointer (&file) : NULL;
}

/* ---- drafts left by a crash ----------------------------------------------- */

/* The drafts the dialog offers, and the window that asked. */
typedef struct
{
  GtkWindow *window;
  GPtrArray *drafts;
} DraftsOffer;

static void
drafts_offer_free (gpointer data, GClosure *closure)
{
  DraftsOffer *offer = data;

  g_ptr_array_unref (offer->drafts);
  g_free (offer);
}

static void
drafts_response (AdwMessageDialog *dialog, const char *response, DraftsOffer *offer)
{
  for (guint i = 0; i < offer->drafts->len; i++)
    {
      KamDraftInfo *draft = g_ptr_array_index (offer->drafts, i);

      if (!g_str_equal (response, "restore"))
        kam_draft_delete (draft->id);
      else if (i == 0)
        kam_window_restore_draft (KAM_WINDOW (offer->window), draft->id);
      else
        {
          KamWindow *other = kam_window_new_beside (KAM_WINDOW (offer->window));
          kam_window_restore_draft (other, draft->id);
          gtk_window_present (GTK_WINDOW (other));
        }
    }
}

/**
 * kam_session_offer_drafts:
 * @window: a KamWindow, where the first draft goes (the others get a window each)
 *
 * Returns: (transfer none) (nullable): the dialog that asks whether to restore
 *   the drafts a crash left, or %NULL when there are none
 */
GtkWidget *
kam_session_offer_drafts (KamSession *self, GtkWindow *window)
{
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  DraftsOffer *offer;

  g_return_val_if_fail (KAM_IS_SESSION (self), NULL);
  g_return_val_if_fail (KAM_IS_WINDOW (window), NULL);
  drafts = kam_drafts_find_orphans ();
  if (drafts->len == 0)
    return NULL;
  for (guint i = 0; i < drafts->len; i++)
    {
      KamDraftInfo *draft = g_ptr_array_index (drafts, i);
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (draft->saved_at);
      g_autofree char *time = g_date_time_format (when, "%x %X");
      g_autofree char *name = NULL;

      if (draft->file_uri != NULL)
        {
          g_autoptr (GFile) file = g_file_new_for_uri (draft->file_uri);
          name = g_file_get_basename (file);
        }
      else if (draft->details_lost)
        /* Translators: a draft whose note of which file it belongs to was lost */
        name = g_strdup (_("Unsaved dataset (its file name was lost)"));
      else
        name = g_strdup (draft->title ? draft->title : _("Unsaved dataset"));
      g_string_append_printf (names, "\n• %s (%s)", name, time);
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Kamlang stopped before these changes were saved. Restore them?%s",
                                       "Kamlang stopped before these changes were saved. Restore them?%s",
                                       drafts->len),
                          names->str);
  dialog = adw_message_dialog_new (window, _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  offer = g_new (DraftsOffer, 1);
  offer->window = window;
  offer->drafts = g_steal_pointer (&drafts);
  g_signal_connect_data (dialog, "response", G_CALLBACK (drafts_response), offer, drafts_offer_free, 0);
  kam_present_dialog (dialog);
  return dialog;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
kam_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RECENT_MENU:
      g_value_set_object (value, kam_session_get_recent_menu (KAM_SESSION (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_session_dispose (GObject *object)
{
  KamSession *self = KAM_SESSION (object);

  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  g_clear_object (&self->recent);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  G_OBJECT_CLASS (kam_session_parent_class)->dispose (object);
}

static void
kam_session_class_init (KamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kam_session_get_property;
  object_class->dispose = kam_session_dispose;
  properties[PROP_RECENT_MENU] = g_param_spec_object ("recent-menu", NULL, NULL, G_TYPE_MENU_MODEL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_session_init (KamSession *self)
{
  self->recent_menu = g_menu_new ();
}

/**
 * kam_session_new:
 * @recent: (nullable): where the files opened lately are kept: a test's own,
 *   or %NULL for the user's (GTK's default, taken when first needed: the
 *   session can be made before GTK starts)
 * @settings: (nullable): where the last file is kept
 */
KamSession *
kam_session_new (GtkRecentManager *recent, GSettings *settings)
{
  KamSession *self;

  g_return_val_if_fail (recent == NULL || GTK_IS_RECENT_MANAGER (recent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  self = g_object_new (KAM_TYPE_SESSION, NULL);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (recent != NULL)
    {
      self->recent = g_object_ref (recent);
      g_signal_connect_swapped (recent, "changed", G_CALLBACK (update_recent_menu), self);
      update_recent_menu (self);
    }
  return self;
}
