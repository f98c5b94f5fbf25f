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
#include "kam-ui-util.h"

struct _KamApplication
{
  AdwApplication parent_instance;

  KamSession *session;
  GSettings *settings; /* (nullable): without the schema installed */
};

G_DEFINE_FINAL_TYPE (KamApplication, kam_application, ADW_TYPE_APPLICATION)

/* The application's session: recent files and drafts. */
KamSession *
kam_application_get_session (KamApplication *self)
{
  g_return_val_if_fail (KAM_IS_APPLICATION (self), NULL);
  return self->session;
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
  static const char *const undo[] = { "<Control>z", NULL };
  static const char *const redo[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *const quit[] = { "<Control>q", NULL };
  static const char *const new[] = { "<Control>n", NULL };
  KamApplication *self = KAM_APPLICATION (app);

  kam_probe ("startup");
  G_APPLICATION_CLASS (kam_application_parent_class)->startup (app);
  kam_probe ("GTK and libadwaita started");
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo);
  if (self->settings != NULL)
    {
      /* a check item in the main menu; the windows follow the setting */
      g_autoptr (GAction) numerals = g_settings_create_action (self->settings, "khmer-numerals");
      g_action_map_add_action (G_ACTION_MAP (app), numerals);
    }


}

static void
kam_application_activate (GApplication *app)
{
  KamApplication *self = KAM_APPLICATION (app);
  KamWindow *window;
  g_autoptr (GFile) file = kam_session_dup_last_file (self->session);

  kam_probe ("activate");
  window = new_window (self);

  /* a file that cannot be read leaves the bundled dataset in the window */
  if (file != NULL)
    kam_window_open_file (window, file);
  else
    kam_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  kam_session_offer_drafts (self->session, GTK_WINDOW (window));
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
        kam_session_offer_drafts (KAM_APPLICATION (app)->session, GTK_WINDOW (window));
    }
}

/* The first file named is read from here on, while GTK starts and the window
 * is built (GApplication's own handling comes next: options, startup, open). */
static gboolean
kam_application_local_command_line (GApplication *app, char ***arguments, int *exit_status)
{
  char **argv = *arguments;

  /* no arguments: the window opens the last file, or the bundled dataset */
  if (argv[1] == NULL)
    {
      g_autoptr (GFile) last = kam_session_dup_last_file (KAM_APPLICATION (app)->session);

      if (last == NULL)
        last = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
      kam_document_read_ahead (last);
    }
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

  g_clear_object (&self->session);
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
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    settings = g_settings_new (KAM_SCHEMA_ID);
  /* made before GTK starts: it knows which file the first window opens */
  self->session = kam_session_new (NULL, settings);
  self->settings = g_steal_pointer (&settings);
}

KamApplication *
kam_application_new (void)
{
  return g_object_new (KAM_TYPE_APPLICATION, "application-id", KAM_APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/kamlang/Kamlang", NULL);
}
