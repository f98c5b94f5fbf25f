/* kam-application.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include "kam-config.h"
#include "kam-application.h"
#include "kam-cli.h"
#include "kam-dataset-json.h"
#include "kam-document.h"
#include "kam-drafts.h"
#include "kam-ui-util.h"

struct _KamApplication
{
  AdwApplication parent_instance;

  GMenu *recent_menu;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (KamApplication, kam_application, ADW_TYPE_APPLICATION)

/* ---- drafts left by a crash ----------------------------------------------- */

/* The drafts the dialog offers, and the window that asked. */
typedef struct
{
  KamWindow *window;
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
  KamWindow *window = offer->window;
  GPtrArray *drafts = offer->drafts;

  for (guint i = 0; i < drafts->len; i++)
    {
      KamDraftInfo *draft = g_ptr_array_index (drafts, i);

      if (!g_str_equal (response, "restore"))
        kam_draft_delete (draft->id);
      else if (i == 0)
        kam_window_restore_draft (window, draft->id);
      else
        {
          KamWindow *other = kam_window_new (gtk_window_get_application (GTK_WINDOW (window)));
          kam_window_restore_draft (other, draft->id);
          gtk_window_present (GTK_WINDOW (other));
        }
    }
}

GtkWidget *
kam_application_offer_drafts (KamWindow *window)
{
  g_autoptr (GPtrArray) drafts = kam_drafts_find_orphans ();
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  DraftsOffer *offer;

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
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Changes?"), body);
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

/* ---- recent files ---------------------------------------------------------- */

static void
update_recent_menu (KamApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!g_str_has_suffix (uri, ".kamlang") || !gtk_recent_info_exists (l->data))
        continue;
      label = g_strdup (gtk_recent_info_get_display_name (l->data));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The Open Recent menu, kept up to date. */
GMenuModel *
kam_application_get_recent_menu (KamApplication *self)
{
  g_return_val_if_fail (KAM_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

/* ---- actions ---------------------------------------------------------------- */

static KamWindow *
new_window (KamApplication *self)
{
  return kam_window_new (GTK_APPLICATION (self));
}

static void
new_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  KamWindow *window = new_window (data);

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_recent_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  KamApplication *self = data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  KamWindow *window;

  if (KAM_IS_WINDOW (active))
    {
      kam_window_open_file (KAM_WINDOW (active), file);
      return;
    }
  window = new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  kam_window_open_file (window, file);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  static const char *developers[] = { "The Kamlang authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  g_object_set (about, "application-name", "Kamlang", "application-icon", KAM_APP_ID, "version",
                KAM_VERSION, "developer-name", _("The Kamlang authors"), "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0, "comments",
                _("Explore, chart and edit figures on citizens working abroad."),
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer data)
{
  /* each window asks about its own unsaved changes */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open-recent", open_recent_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

/* ---- GApplication ---------------------------------------------------------- */

static void
kam_application_startup (GApplication *app)
{
  KamApplication *self = KAM_APPLICATION (app);
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  static const char *const undo[] = { "<Control>z", NULL };
  static const char *const redo[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *const quit[] = { "<Control>q", NULL };
  static const char *const new[] = { "<Control>n", NULL };

  kam_probe ("startup");
  G_APPLICATION_CLASS (kam_application_parent_class)->startup (app);
  kam_probe ("GTK and libadwaita started");
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo);

  self->recent_menu = g_menu_new ();
  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);
}

static void
kam_application_activate (GApplication *app)
{
  KamApplication *self = KAM_APPLICATION (app);
  KamWindow *window;
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "last-file") : NULL;
  g_autoptr (GFile) file = last != NULL && *last != '\0' ? g_file_new_for_uri (last) : NULL;

  kam_probe ("activate");
  window = new_window (self);

  /* a file that cannot be read leaves the bundled dataset in the window */
  if (file != NULL && g_file_query_exists (file, NULL))
    kam_window_open_file (window, file);
  else
    kam_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  kam_application_offer_drafts (window);
}

static void
kam_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      KamWindow *window = new_window (KAM_APPLICATION (app));

      /* reading starts before the window is shown, and goes on while it is */
      kam_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      if (i == 0)
        kam_application_offer_drafts (window);
    }
}

/* The first file named is read from here on, while GTK starts and the window
 * is built (GApplication's own handling comes next: options, startup, open). */
static gboolean
kam_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  char **argv = *arguments;

  for (int i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        continue;
      if (argv[i][0] == '-')
        break; /* options first: GApplication says what they mean */
      if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);

          kam_document_read_ahead (file);
        }
      break;
    }
  return G_APPLICATION_CLASS (kam_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
kam_application_dispose (GObject *object)
{
  KamApplication *self = KAM_APPLICATION (object);

  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kam_application_parent_class)->dispose (object);
}

static void
kam_application_class_init (KamApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kam_application_dispose;
  app_class->startup = kam_application_startup;
  app_class->activate = kam_application_activate;
  app_class->open = kam_application_open;
  app_class->local_command_line = kam_application_local_command_line;
}

static void
kam_application_init (KamApplication *self)
{
}

KamApplication *
kam_application_new (void)
{
  return g_object_new (KAM_TYPE_APPLICATION, "application-id", KAM_APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/kamlang/Kamlang", NULL);
}
