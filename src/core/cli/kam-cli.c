/* kam-cli.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The headless commands. They use core only: no display is needed and GTK is
 * never initialised. Problems go to standard error, one line each, and the
 * exit status is 0 on success, 1 otherwise. */

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include "kam-check.h"
#include "kam-cli.h"
#include "kam-csv.h"
#include "kam-dataset-json.h"
#include "kam-db.h"
#include "kam-export.h"
#include "kam-file.h"
#include "kam-number.h"
#include "kam-wdi.h"
#include "kam-table.h"
#include "kam-workbook.h"
#include "kam-enums.h"

static const char *const commands[] = { "--check",      "--export-chart", "--export-report", "--export-csv",
                                        "--import-csv", "--import-wdi",   "--import-table",  "--export-xlsx",
                                        "--db-init",    "--db-export",    "--db-migrate",    "--history",
                                        "--db-grant",   NULL };

gboolean
kam_cli_wants (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    for (guint k = 0; commands[k] != NULL; k++)
      if (g_str_equal (argv[i], commands[k]) || (g_str_has_prefix (argv[i], commands[k])
                                                  && argv[i][strlen (commands[k])] == '='))
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
load_stamped (const char *path, char **label, KamFileStamp *stamp, GError **error, GPtrArray **problems)
{
  g_autoptr (GFile) file = NULL;

  if (path == NULL)
    {
      *label = g_strdup ("cambodia-workers-abroad.kamlang");
      if (problems != NULL)
        *problems = NULL;
      return kam_dataset_load_bundled (error);
    }
  /* a shared dataset: a server's address in place of a file */
  if (kam_db_is_address (path))
    {
      *label = kam_db_describe (path);
      return kam_db_load (path, problems, error);
    }
  file = g_file_new_for_commandline_arg (path);
  *label = g_strdup (path);
  return kam_dataset_load_file_stamped (file, NULL, stamp, problems, error);
}

static KamDataset *
load (const char *path, char **label, GError **error, GPtrArray **problems)
{
  return load_stamped (path, label, NULL, error, problems);
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

      fprintf (stdout, "%s: %s: %s: %s\n", label, kam_check_finding_get_where (f),
               is_error ? _("error") : _("warning"), kam_check_finding_get_message (f, dataset));
      if (is_error)
        errors++;
      else
        warnings++;
    }
  fprintf (stderr, _("%s: %u figures, %u errors, %u warnings\n"), label,
           kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), errors, warnings);
  return errors > 0 ? 1 : 0;
}

/* ---- the other commands ------------------------------------------------------ */

typedef struct
{
  const char *command;  /* which one */
  const char *argument; /* its own argument: KIND, OUT or IN */
  const char *output;   /* -o */
  const char *file;     /* the dataset, or NULL for the bundled one */
  const char *indicator, *countries, *scale, *size, *source, *country, *year, *dpi;
  gboolean transparent;
  const char *split;
  const char *map, *frame; /* --map shaded|circles, --frame asia|world */
  gboolean flows;          /* --flows */
  const char *sheet; /* --sheet, for --import-table */
  const char *since;  /* --since, for --history */
  const char *figure; /* --figure, for --history */
  const char *province; /* --province, for --db-grant */
  gboolean editor, reader; /* --editor, --reader, for --db-grant */
  const char *members[KAM_MAX_DIMENSIONS];
  guint n_members;
} Options;

static gboolean
fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

static gboolean
fail (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "kamlang: %s\n", message);
  return FALSE;
}

static KamDataset *
load_or_report_stamped (const Options *o, KamFileStamp *stamp)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *label = NULL;
  KamDataset *dataset = load_stamped (o->file, &label, stamp, &error, &problems);

  if (dataset != NULL)
    return dataset;
  if (problems != NULL)
    for (guint i = 0; i < problems->len; i++)
      print_problem (stderr, label, _("error"), g_ptr_array_index (problems, i));
  else
    fprintf (stderr, "%s: %s: %s\n", label, _("error"), error->message);
  return NULL;
}

static KamDataset *
load_or_report (const Options *o)
{
  return load_or_report_stamped (o, NULL);
}

static gboolean
parse_int (const char *text, int min, int max, const char *what, int *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL)
    return TRUE;
  v = g_ascii_strtoll (text, &end, 10);
  if (*text == '\0' || *end != '\0' || v < min || v > max)
    return fail (_("%s must be a whole number from %d to %d, not “%s”"), what, min, max, text);
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_kind (const char *text, KamChartKind *kind)
{
  int value;

  if (!kam_enum_from_nick (KAM_TYPE_CHART_KIND, text, &value))
    return fail (_("unknown chart “%s”: use destinations, trend, share, quota, gender, remittances or map"), text ? text : "");
  *kind = value;
  return TRUE;
}

static gboolean
export_chart (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (KamChart) chart = NULL;
  g_autoptr (GError) error = NULL;
  KamExportFormat format;
  KamChartKind kind = KAM_CHART_DESTINATIONS;
  int year = 0, width = 1600, height = 1000, dpi = 96;

  if (!parse_kind (o->argument, &kind))
    return FALSE;
  if (o->output == NULL)
    return fail (_("--export-chart needs -o OUT.png, OUT.pdf or OUT.svg"));
  if (!kam_export_format_from_path (o->output, &format))
    return fail (_("“%s”: the file name must end in .png, .pdf or .svg"), o->output);
  if (!parse_int (o->year, KAM_YEAR_MIN, KAM_YEAR_MAX, "--year", &year) || !parse_int (o->dpi, 24, 1200, "--dpi", &dpi))
    return FALSE;
  if (o->size != NULL && (sscanf (o->size, "%dx%d", &width, &height) != 2 || width < 100 || height < 100
                          || width > 20000 || height > 20000 || strspn (o->size, "0123456789x") != strlen (o->size)))
    return fail (_("--size must be WIDTHxHEIGHT in pixels, each from 100 to 20000, as in 1600x1000, not “%s”"), o->size);
  if (o->scale != NULL && !g_str_equal (o->scale, "log") && !g_str_equal (o->scale, "linear"))
    return fail (_("--scale must be log or linear, not “%s”"), o->scale);
  if (o->map != NULL && !g_str_equal (o->map, "shaded") && !g_str_equal (o->map, "circles"))
    return fail (_("--map must be shaded or circles, not “%s”"), o->map);
  if (o->frame != NULL && !g_str_equal (o->frame, "asia") && !g_str_equal (o->frame, "world"))
    return fail (_("--frame must be asia or world, not “%s”"), o->frame);
  dataset = load_or_report (o);
  if (dataset == NULL)
    return FALSE;
  if (o->indicator != NULL && kam_dataset_lookup_indicator (dataset, o->indicator) == NULL)
    return fail (_("there is no indicator “%s” in this dataset"), o->indicator);
  if (o->source != NULL && kam_dataset_lookup_source (dataset, o->source) == NULL)
    return fail (_("there is no source “%s” in this dataset"), o->source);
  chart = kam_chart_new (dataset, kind);
  kam_chart_set_indicator (chart, o->indicator);
  kam_chart_set_year (chart, year);
  kam_chart_set_source (chart, o->source);
  kam_chart_set_scale (chart, o->scale != NULL && g_str_equal (o->scale, "log") ? KAM_SCALE_LOG : KAM_SCALE_LINEAR);
  kam_chart_set_map_style (chart, o->map != NULL && g_str_equal (o->map, "circles") ? KAM_MAP_CIRCLES : KAM_MAP_SHADED);
  kam_chart_set_map_frame (chart, o->frame != NULL && g_str_equal (o->frame, "world") ? KAM_MAP_FRAME_WORLD
                                                                                      : KAM_MAP_FRAME_DESTINATIONS);
  kam_chart_set_map_flows (chart, o->flows);
  if (o->countries != NULL)
    {
      g_auto (GStrv) codes = g_strsplit (o->countries, ",", -1);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_strstrip (codes[i]);
          if (*codes[i] != '\0' && kam_dataset_lookup_country (dataset, codes[i]) == NULL)
            return fail (_("there is no country “%s” in this dataset"), codes[i]);
        }
      kam_chart_set_countries (chart, (const char *const *) codes);
    }
  if (o->split != NULL)
    {
      if (kam_dataset_find_dimension (dataset, o->split) < 0)
        return fail (_("there is no dimension “%s” in this dataset"), o->split);
      kam_chart_set_split (chart, o->split);
    }
  for (guint i = 0; i < o->n_members; i++)
    {
      /* DIMENSION=MEMBER, as in sex=women */
      g_auto (GStrv) parts = g_strsplit (o->members[i], "=", 2);
      int d = parts[0] && parts[1] ? kam_dataset_find_dimension (dataset, g_strstrip (parts[0])) : -1;

      if (parts[0] == NULL || parts[1] == NULL)
        return fail (_("--member must be DIMENSION=MEMBER, as in sex=women, not “%s”"), o->members[i]);
      if (d < 0)
        return fail (_("there is no dimension “%s” in this dataset"), parts[0]);
      if (kam_dimension_find_member (kam_dataset_get_dimension (dataset, d), g_strstrip (parts[1]), TRUE) < 0)
        return fail (_("the dimension “%s” has no member “%s”"), parts[0], parts[1]);
      kam_chart_set_member (chart, parts[0], parts[1]);
    }
  if (!kam_export_chart (chart, o->output, format, width, height, dpi, o->transparent, &error))
    return fail ("%s", error->message);
  return TRUE;
}

static gboolean
export_report (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;

  if (o->argument == NULL || !g_str_has_suffix (o->argument, ".pdf"))
    return fail (_("--export-report needs a file name ending in .pdf"));
  dataset = load_or_report (o);
  if (dataset == NULL)
    return FALSE;
  if (!kam_export_report (dataset, NULL, o->argument, &error))
    return fail ("%s", error->message);
  return TRUE;
}

/* --export-xlsx OUT.xlsx: the workbook, its chart the destinations of the
 * latest year (or as --indicator and --year say). */
static gboolean
export_xlsx (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (KamChart) chart = NULL;
  g_autoptr (GError) error = NULL;

  if (o->argument == NULL || !g_str_has_suffix (o->argument, ".xlsx"))
    return fail (_("--export-xlsx needs a file name ending in .xlsx"));
  dataset = load_or_report (o);
  if (dataset == NULL)
    return FALSE;
  chart = kam_chart_new (dataset, KAM_CHART_DESTINATIONS);
  if (o->indicator != NULL)
    kam_chart_set_indicator (chart, o->indicator);
  if (o->year != NULL)
    kam_chart_set_year (chart, atoi (o->year));
  if (!kam_workbook_export (dataset, chart, o->argument, &error))
    return fail ("%s", error->message);
  return TRUE;
}

static gboolean
export_csv (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;

  if (o->argument == NULL)
    return fail (_("--export-csv needs a file name"));
  dataset = load_or_report (o);
  if (dataset == NULL)
    return FALSE;
  if (!kam_csv_export_file (dataset, o->argument, &error))
    return fail ("%s", error->message);
  return TRUE;
}

/* --db-init ADDRESS [FILE]: a shared dataset made of FILE (or the bundled one). */
static gboolean
db_init (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *where = NULL;

  if (o->argument == NULL || !kam_db_is_address (o->argument))
    return fail (_("%s needs the server's address (postgresql://user@host/database, or service=NAME)"), o->command);
  if (o->file != NULL && kam_db_is_address (o->file))
    return fail (_("%s takes a file to load, not a second server"), o->command);
  dataset = load_or_report (o);
  if (dataset == NULL)
    return FALSE;
  if (!kam_db_init (o->argument, dataset, &error))
    return fail ("%s", error->message);
  where = kam_db_describe (o->argument);
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: a shared dataset of %u figure\n",
                                "%s: a shared dataset of %u figures\n",
                                kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset))),
           where, kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)));
  return TRUE;
}

/* --db-export ADDRESS -o OUT.kamlang: the shared dataset as a file. */
static gboolean
db_export (const Options *o)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) out = NULL;
  Options from = *o;

  if (o->argument == NULL || !kam_db_is_address (o->argument))
    return fail (_("%s needs the server's address (postgresql://user@host/database, or service=NAME)"), o->command);
  if (o->output == NULL || !g_str_has_suffix (o->output, ".kamlang"))
    return fail (_("%s needs -o OUT.kamlang"), o->command);
  from.file = o->argument;
  dataset = load_or_report (&from);
  if (dataset == NULL)
    return FALSE;
  out = g_file_new_for_commandline_arg (o->output);
  if (!kam_dataset_save_file (dataset, out, FALSE, &error))
    return fail ("%s", error->message);
  return TRUE;
}

/* --db-migrate ADDRESS: the schema brought up to this Kamlang's. */
static gboolean
db_migrate (const Options *o)
{
  g_autoptr (GError) error = NULL;
  int from = 0;

  if (o->argument == NULL || !kam_db_is_address (o->argument))
    return fail (_("%s needs the server's address (postgresql://user@host/database, or service=NAME)"), o->command);
  if (!kam_db_migrate (o->argument, &from, &error))
    return fail ("%s", error->message);
  if (from < KAM_DB_SCHEMA_VERSION)
    fprintf (stderr, _("The schema was updated from version %d to %d.\n"), from, KAM_DB_SCHEMA_VERSION);
  else
    fprintf (stderr, _("The schema is of this Kamlang's version (%d): nothing to do.\n"), from);
  return TRUE;
}

/* --history ADDRESS [--since DATE] [--figure COUNTRY[,YEAR[,INDICATOR]]] */
static gboolean
print_history (const Options *o)
{
  g_autoptr (GError) error = NULL;

  if (o->argument == NULL || !kam_db_is_address (o->argument))
    return fail (_("%s needs the server's address (postgresql://user@host/database, or service=NAME)"), o->command);
  if (!kam_db_print_history (o->argument, o->since, o->figure, stdout, &error))
    return fail ("%s", error->message);
  return TRUE;
}

/* --db-grant ADDRESS ROLE [--reader | --editor [--province LIST] [--country LIST]] */
static gboolean
db_grant (const Options *o)
{
  g_autoptr (GError) error = NULL;
  gboolean editor = o->editor || o->province != NULL || o->country != NULL;

  if (o->argument == NULL || !kam_db_is_address (o->argument))
    return fail (_("%s needs the server's address (postgresql://user@host/database, or service=NAME)"), o->command);
  if (o->file == NULL)
    return fail (_("%s needs the role to grant to (a PostgreSQL role: CREATE ROLE name LOGIN)"), o->command);
  if (o->reader && editor)
    return fail (_("a role is a reader or an editor, not both"));
  if (!kam_db_grant (o->argument, o->file, editor, o->province, o->country, &error))
    return fail ("%s", error->message);
  if (!editor)
    fprintf (stderr, _("%s may read the shared dataset.\n"), o->file);
  else if (o->province == NULL && o->country == NULL)
    fprintf (stderr, _("%s may read and change the shared dataset.\n"), o->file);
  else
    fprintf (stderr, _("%s may read the shared dataset and change the figures of %s%s%s.\n"), o->file,
             o->province ? o->province : "", o->province && o->country ? ", " : "", o->country ? o->country : "");
  return TRUE;
}

typedef enum
{
  IMPORT_CSV,
  IMPORT_WDI,
  IMPORT_TABLE,
} ImportKind;

static gboolean
import_into (const Options *o, ImportKind kind)
{
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) out = NULL;
  g_autoptr (KamFileLock) lock = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *data = NULL;
  KamFileStamp read = { 0 };
  GStatBuf target;
  gboolean same = FALSE;
  gsize length;
  guint added = 0;

  if (o->argument == NULL)
    return fail (_("%s needs the file to import"), o->command);
  if (o->output == NULL || !g_str_has_suffix (o->output, ".kamlang"))
    return fail (_("%s needs -o OUT.kamlang"), o->command);
  /* a read-modify-write: OUT is locked from before FILE is read (they are
   * often one file) until the new version is in place, so that two imports
   * into one file take turns and neither loses the other's figures */
  out = g_file_new_for_commandline_arg (o->output);
  out_path = g_file_get_path (out);
  if (out_path != NULL && (lock = kam_file_lock (out_path, KAM_FILE_LOCK_TIMEOUT_MS, &error)) == NULL)
    return fail ("%s", error->message);
  dataset = load_or_report_stamped (o, &read);
  if (dataset == NULL)
    return FALSE;
  if (o->file != NULL && read.exists && out_path != NULL && g_stat (out_path, &target) == 0)
    same = (guint64) target.st_dev == read.device && (guint64) target.st_ino == read.inode;
  if (kind == IMPORT_WDI)
    {
      if (!kam_wdi_import (dataset, o->argument, o->country, o->indicator, &added, &error))
        return fail ("%s", error->message);
    }
  else if (kind == IMPORT_TABLE)
    {
      g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);

      if (!kam_table_import_file (dataset, o->argument, o->sheet, o->indicator, o->source, &added, said, &error))
        return fail ("%s", error->message);
      for (guint i = 0; i < said->len; i++)
        fprintf (stderr, "%s: %s\n", o->argument, (const char *) g_ptr_array_index (said, i));
    }
  else
    {
      if (!kam_csv_import_file (dataset, o->argument, &added, &error))
        return fail ("%s", error->message);
    }
  data = kam_dataset_to_data (dataset, &length);
  if (!kam_file_write_checked (out, data, length, KAM_WRITE_BACKUP, lock, same ? &read : NULL, NULL, &error))
    {
      if (g_error_matches (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK))
        return fail (_("%s was changed by another program while the import ran; nothing was written. Run the command again."),
                     o->output);
      return fail ("%s", error->message);
    }
  fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%s: %u figure added\n", "%s: %u figures added\n", added),
           o->output, added);
  return TRUE;
}

int
kam_cli_run (int argc, char **argv)
{
  Options o = { 0 };
  gboolean check = FALSE;
  static const char *const valued[] = { "-o", "--output", "--indicator", "--countries", "--scale", "--size",
                                        "--source", "--country", "--year", "--dpi", "--split", "--member",
                                        "--sheet", "--since", "--figure", "--province", "--map", "--frame", NULL };

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = NULL;
      g_autofree char *name = NULL;
      const char *eq = g_str_has_prefix (arg, "--") ? strchr (arg, '=') : NULL;

      name = eq ? g_strndup (arg, eq - arg) : g_strdup (arg);
      if (eq)
        value = eq + 1;

      if (g_str_equal (name, "--check"))
        {
          check = TRUE;
          if (value)
            o.file = value;
          continue;
        }
      if (g_strv_contains (commands, name))
        {
          if (o.command != NULL)
            {
              fail (_("one command at a time: %s and %s"), o.command, name);
              return 1;
            }
          o.command = argv[i];
          if (value == NULL && i + 1 < argc && argv[i + 1][0] != '-')
            value = argv[++i];
          if (eq)
            o.command = g_intern_string (name);
          o.argument = value;
          continue;
        }
      if (g_str_equal (name, "--editor") || g_str_equal (name, "--reader"))
        {
          if (g_str_equal (name, "--editor"))
            o.editor = TRUE;
          else
            o.reader = TRUE;
          continue;
        }
      if (g_str_equal (name, "--transparent"))
        {
          o.transparent = TRUE;
          continue;
        }
      if (g_str_equal (name, "--flows"))
        {
          o.flows = TRUE;
          continue;
        }
      if (g_str_equal (name, "--khmer-numerals"))
        {
          /* charts and reports; CSV keeps the digits spreadsheets read */
          kam_number_set_khmer_digits (TRUE);
          continue;
        }
      if (g_strv_contains (valued, name))
        {
          if (value == NULL)
            {
              if (i + 1 >= argc)
                {
                  fail (_("%s needs a value"), name);
                  return 1;
                }
              value = argv[++i];
            }
          if (g_str_equal (name, "-o") || g_str_equal (name, "--output"))
            o.output = value;
          else if (g_str_equal (name, "--indicator"))
            o.indicator = value;
          else if (g_str_equal (name, "--countries"))
            o.countries = value;
          else if (g_str_equal (name, "--scale"))
            o.scale = value;
          else if (g_str_equal (name, "--size"))
            o.size = value;
          else if (g_str_equal (name, "--source"))
            o.source = value;
          else if (g_str_equal (name, "--country"))
            o.country = value;
          else if (g_str_equal (name, "--year"))
            o.year = value;
          else if (g_str_equal (name, "--split"))
            o.split = value;
          else if (g_str_equal (name, "--map"))
            o.map = value;
          else if (g_str_equal (name, "--frame"))
            o.frame = value;
          else if (g_str_equal (name, "--sheet"))
            o.sheet = value;
          else if (g_str_equal (name, "--since"))
            o.since = value;
          else if (g_str_equal (name, "--figure"))
            o.figure = value;
          else if (g_str_equal (name, "--province"))
            o.province = value;
          else if (g_str_equal (name, "--member"))
            {
              if (o.n_members >= G_N_ELEMENTS (o.members))
                {
                  fail (_("at most %u --member options"), (guint) G_N_ELEMENTS (o.members));
                  return 1;
                }
              o.members[o.n_members++] = value;
            }
          else
            o.dpi = value;
          continue;
        }
      if (arg[0] == '-' && arg[1] != '\0')
        {
          fail (_("unknown option “%s”"), arg);
          return 1;
        }
      if (o.file != NULL)
        {
          fail (_("only one dataset file at a time (“%s”)"), arg);
          return 1;
        }
      o.file = arg;
    }

  if (check && o.command == NULL)
    return run_check (o.file);
  if (check)
    {
      fail (_("one command at a time: --check and %s"), o.command);
      return 1;
    }
  if (g_str_has_prefix (o.command, "--export-chart"))
    return export_chart (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--export-report"))
    return export_report (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--export-csv"))
    return export_csv (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--export-xlsx"))
    return export_xlsx (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--import-csv"))
    return import_into (&o, IMPORT_CSV) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--import-table"))
    return import_into (&o, IMPORT_TABLE) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--db-init"))
    return db_init (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--db-export"))
    return db_export (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--db-migrate"))
    return db_migrate (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--history"))
    return print_history (&o) ? 0 : 1;
  if (g_str_has_prefix (o.command, "--db-grant"))
    return db_grant (&o) ? 0 : 1;
  return import_into (&o, IMPORT_WDI) ? 0 : 1;
}
