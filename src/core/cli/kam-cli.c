/* kam-cli.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The headless commands. They use core only: no display is needed and GTK is
 * never initialised. Problems go to standard error, one line each, and the
 * exit status is 0 on success, 1 otherwise. */

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include "kam-check.h"
#include "kam-cli.h"
#include "kam-dataset-json.h"

static const char *const commands[] = { "--check", NULL };

gboolean
kam_cli_wants (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    for (guint k = 0; commands[k] != NULL; k++)
      if (g_str_equal (argv[i], commands[k]) || g_str_has_prefix (argv[i], "--check="))
        return TRUE;
  return FALSE;
}

/* Prints "LABEL: where: severity: message" from a "where: message" problem. */
static void
print_problem (FILE *out, const char *label, const char *severity, const char *problem)
{
  const char *sep = strstr (problem, ": ");

  if (sep != NULL)
    fprintf (out, "%s: %.*s: %s: %s\n", label, (int) (sep - problem), problem, severity, sep + 2);
  else
    fprintf (out, "%s: %s: %s\n", label, severity, problem);
}

static KamDataset *
load (const char *path, char **label, GError **error, GPtrArray **problems)
{
  g_autoptr (GFile) file = NULL;

  if (path == NULL)
    {
      file = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
      *label = g_strdup ("cambodia-workers-abroad.kamlang");
    }
  else
    {
      file = g_file_new_for_commandline_arg (path);
      *label = g_strdup (path);
    }
  return kam_dataset_load_file (file, problems, error);
}

static int
run_check (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *label = NULL;
  guint errors = 0, warnings = 0;

  dataset = load (path, &label, &error, &problems);
  if (dataset == NULL)
    {
      if (problems != NULL)
        for (guint i = 0; i < problems->len; i++)
          print_problem (stdout, label, _("error"), g_ptr_array_index (problems, i));
      else
        fprintf (stdout, "%s: %s: %s\n", label, _("error"), error->message);
      fprintf (stderr, _("%s: not a valid Kamlang file\n"), label);
      return 1;
    }

  findings = kam_check_run (dataset, g_date_time_get_year (now));
  for (guint i = 0; i < findings->len; i++)
    {
      KamCheckFinding *f = g_ptr_array_index (findings, i);
      gboolean is_error = f->severity == KAM_SEVERITY_ERROR;

      fprintf (stdout, "%s: %s: %s: %s\n", label, f->where, is_error ? _("error") : _("warning"),
               f->message);
      if (is_error)
        errors++;
      else
        warnings++;
    }
  fprintf (stderr, _("%s: %u figures, %u errors, %u warnings\n"), label,
           kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), errors, warnings);
  return errors > 0 ? 1 : 0;
}

int
kam_cli_run (int argc, char **argv)
{
  const char *file = NULL;
  gboolean check = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--check"))
        check = TRUE;
      else if (g_str_has_prefix (argv[i], "--check="))
        {
          check = TRUE;
          file = argv[i] + strlen ("--check=");
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("kamlang: unknown option “%s”\n"), argv[i]);
          return 1;
        }
      else if (file == NULL)
        file = argv[i];
      else
        {
          fprintf (stderr, _("kamlang: only one file can be checked at a time (“%s”)\n"), argv[i]);
          return 1;
        }
    }
  if (check)
    return run_check (file);
  return 1;
}
