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
#include "kam-window.h"

struct _KamApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (KamApplication, kam_application, ADW_TYPE_APPLICATION)

static KamWindow *
new_window (KamApplication *self)
{
  return kam_window_new (GTK_APPLICATION (self));
}

/* The bundled dataset, as a new unsaved document: Save asks where. */
static void
open_bundled (KamWindow *window)
{
  g_autoptr (GFile) file = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDataset) dataset = kam_dataset_load_file (file, NULL, &error);

  if (dataset == NULL)
    {
      g_critical ("The bundled dataset does not load: %s", error->message);
      return;
    }
  kam_dataset_mark_saved (dataset);
  kam_window_set_document (window, dataset, NULL);
}

static void
kam_application_activate (GApplication *app)
{
  KamWindow *window = new_window (KAM_APPLICATION (app));

  open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
kam_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      KamWindow *window = new_window (KAM_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      if (!kam_window_open_file (window, files[i]))
        open_bundled (window);
    }
}

static void
kam_application_class_init (KamApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = kam_application_activate;
  app_class->open = kam_application_open;
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
