/* test-document.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document reads and writes in threads, keeps drafts, and notices when
 * another program wrote its file. */

#include <glib/gstdio.h>
#include <stdio.h>
#include <utime.h>
#include "kam-dataset-json.h"
#include "kam-document.h"
#include "kam-drafts.h"
#include "kam-figure-table.h"
#include "kam-test-utils.h"

static char *home;

static GFile *
fixture_copy (const char *name)
{
  return kam_test_fixture_copy (name, home);
}

typedef struct
{
  GAsyncResult *result;
  guint progress_calls;
  double last_fraction;
} Waiter;

static void
done (GObject *source, GAsyncResult *result, gpointer data)
{
  Waiter *w = data;

  w->result = g_object_ref (result);
}

static void
wait_result (Waiter *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until check holds, at most 20 s. */
static gboolean
wait_until (gboolean (*check) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  return check (data);
}

static KamDocument *
load (GFile *file, GError **error)
{
  Waiter w = { 0 };
  KamDocument *document;

  kam_document_load_async (file, NULL, NULL, NULL, done, &w);
  wait_result (&w);
  document = kam_document_load_finish (w.result, error);
  g_object_unref (w.result);
  return document;
}

static gboolean
save (KamDocument *document, GFile *file, KamDocumentSaveFlags flags, GError **error)
{
  Waiter w = { 0 };
  gboolean ok;

  kam_document_save_async (document, file, flags, NULL, done, &w);
  wait_result (&w);
  ok = kam_document_save_finish (document, w.result, error);
  g_object_unref (w.result);
  return ok;
}

static guint
first_id (KamDocument *document)
{
  return kam_figure_table_get_id (kam_dataset_get_figures (kam_document_get_dataset (document)), 0);
}

static double
first_value (KamDataset *dataset)
{
  return kam_figure_table_get_value (kam_dataset_get_figures (dataset), 0);
}

static void
test_load (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autofree char *bad_path = kam_test_fixture ("bad-negative.kamlang");
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (GError) error = NULL;
  KamDocument *document = load (file, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_equal (kam_document_get_file (document), file));
  g_assert_cmpstr (kam_document_get_display_name (document), ==, "good.kamlang");
  g_assert_false (kam_document_get_modified (document));
  g_assert_false (kam_document_get_changed_on_disk (document));
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (kam_document_get_dataset (document))),
                    ==, 3);
  g_assert_finalize_object (document);

  /* a bad file: an error that says where, no document */
  g_assert_null (load (bad, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "figures.rows[1][3]"));
}

static void
count_progress (double fraction, gpointer data)
{
  Waiter *w = data;

  g_assert_cmpfloat (fraction, >=, w->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1);
  w->last_fraction = fraction;
  w->progress_calls++;
}

static void
test_progress_and_cancel (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  KamLoadControl control = { NULL, 0 };
  g_autoptr (KamDataset) dataset = NULL;
  Waiter w = { 0 };

  /* the reader tells how far it has come, and ends at 1000 */
  dataset = kam_dataset_load_file_full (file, &control, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&control.permille), ==, 1000);
  g_clear_object (&dataset);

  /* and stops when cancelled */
  control.cancellable = cancellable;
  control.permille = 0;
  g_cancellable_cancel (cancellable);
  g_assert_null (kam_dataset_load_file_full (file, &control, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&control.permille), <, 1000);
  g_clear_error (&error);

  /* a cancelled load gives no document, whatever the thread made */
  kam_document_load_async (file, cancellable, count_progress, &w, done, &w);
  wait_result (&w);
  g_assert_null (kam_document_load_finish (w.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&w.result);
}

static gboolean
read_ahead_done (gpointer data)
{
  return _kam_document_read_ahead_done ();
}

/* A file read ahead is taken by the load of that file (the proof: it loads
 * once the file is gone), and by no other; a cancelled load gives nothing. */
static void
test_read_ahead (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autoptr (GFile) other = fixture_copy ("checks.kamlang");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  KamDocument *document;
  Waiter w = { 0 };

  kam_document_read_ahead (file);
  g_assert_true (wait_until (read_ahead_done, NULL));
  g_assert_true (g_file_delete (file, NULL, NULL));
  document = load (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (first_id (document), >, 0);
  g_assert_false (kam_document_get_modified (document));
  g_assert_finalize_object (document);
  /* taken once: the file is read again next time (and is gone) */
  g_assert_null (load (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* another file's load does not take it */
  kam_document_read_ahead (other);
  g_assert_true (wait_until (read_ahead_done, NULL));
  g_assert_null (load (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* cancelled while waiting for it: nothing */
  g_cancellable_cancel (cancellable);
  kam_document_load_async (other, cancellable, NULL, NULL, done, &w);
  wait_result (&w);
  g_assert_null (kam_document_load_finish (w.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&w.result);
}

/* The bundled dataset read ahead is taken at once on the main thread (the
 * window's first document), waited for if need be; once only. */
static void
test_take_read_ahead (void)
{
  g_autoptr (GFile) bundled = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
  g_autoptr (GFile) other = fixture_copy ("good.kamlang");
  g_autoptr (KamDataset) dataset = NULL;
  g_autoptr (KamDataset) direct = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (kam_document_take_read_ahead (bundled, &dataset, &error));
  g_assert_null (dataset);
  kam_document_read_ahead (bundled);
  /* not waited for here: taking it waits */
  g_assert_false (kam_document_take_read_ahead (other, &dataset, &error));
  g_assert_true (kam_document_take_read_ahead (bundled, &dataset, &error));
  g_assert_no_error (error);
  direct = kam_dataset_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), ==,
                    kam_figure_table_get_n_rows (kam_dataset_get_figures (direct)));
  g_assert_cmpuint (kam_figure_table_get_n_rows (kam_dataset_get_figures (dataset)), >, 10);
  g_clear_object (&dataset);
  g_assert_false (kam_document_take_read_ahead (bundled, &dataset, &error));
  g_assert_null (dataset);
}

static void
test_save_keeps_later_edits (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = load (file, &error);
  KamDataset *dataset = kam_document_get_dataset (document);
  g_autoptr (KamDataset) again = NULL;
  Waiter w = { 0 };

  g_assert_no_error (error);
  g_assert_true (kam_dataset_set_figure_value (dataset, first_id (document), 111, &error));
  g_assert_true (kam_document_get_modified (document));
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (kam_document_get_modified (document));
  again = kam_dataset_load_file (file, NULL, &error);
  g_assert_cmpfloat (first_value (again), ==, 111);
  g_clear_object (&again);

  /* an edit made while the file is written is not in it, and stays unsaved */
  g_assert_true (kam_dataset_set_figure_value (dataset, first_id (document), 222, &error));
  kam_document_save_async (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, NULL, done, &w);
  g_assert_true (kam_document_get_busy (document));
  g_assert_true (kam_dataset_set_figure_value (dataset, first_id (document), 333, &error));
  /* a second save while one is under way is refused */
  g_assert_false (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_BUSY);
  g_clear_error (&error);
  wait_result (&w);
  g_assert_true (kam_document_save_finish (document, w.result, &error));
  g_clear_object (&w.result);
  g_assert_false (kam_document_get_busy (document));
  g_assert_true (kam_document_get_modified (document));
  again = kam_dataset_load_file (file, NULL, &error);
  g_assert_cmpfloat (first_value (again), ==, 222);
  /* undoing to what was written is back at saved */
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_false (kam_document_get_modified (document));
}

static gboolean
changed_on_disk (gpointer data)
{
  return kam_document_get_changed_on_disk (data);
}

static void
test_changed_on_disk (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = load (file, &error);
  g_autofree char *theirs = NULL, *now = NULL;
  g_autoptr (KamDataset) again = NULL;

  g_assert_no_error (error);
  g_assert_true (kam_dataset_set_figure_value (kam_document_get_dataset (document), first_id (document), 444,
                                               &error));
  /* another program writes the file */
  g_usleep (10000);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));
  {
    g_autofree char *edited = g_strconcat (theirs, "\n", NULL);
    g_assert_true (g_file_set_contents (path, edited, -1, NULL));
    g_free (theirs);
    theirs = g_steal_pointer (&edited);
  }
  /* the document notices */
  g_assert_true (wait_until (changed_on_disk, document));

  /* a save asks first: nothing written */
  g_assert_false (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "good.kamlang"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (kam_document_get_modified (document));

  /* the user agreed: written, and no longer counted as changed */
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (kam_document_get_changed_on_disk (document));
  again = kam_dataset_load_file (file, NULL, &error);
  g_assert_cmpfloat (first_value (again), ==, 444);
  /* our own save is not news, and the next save goes through unasked */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  g_assert_false (kam_document_get_changed_on_disk (document));
  g_assert_true (kam_dataset_set_figure_value (kam_document_get_dataset (document), first_id (document), 555,
                                               &error));
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *id;
  double value;
} DraftWait;

static gboolean
draft_holds (gpointer data)
{
  DraftWait *d = data;
  g_autofree char *name = g_strconcat (d->id, ".kamlang", NULL);
  g_autoptr (GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);
  /* read without kam_draft_load, which removes a draft it cannot read: one
   * caught between its two files would be lost */
  g_autoptr (KamDataset) draft = kam_dataset_load_file (file, NULL, NULL);

  return draft != NULL && first_value (draft) == d->value;
}

static gboolean
draft_gone (gpointer data)
{
  g_autofree char *name = g_strconcat (data, ".kamlang", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kamlang", "drafts", name, NULL);

  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
draft_settled (gpointer data)
{
  return !kam_document_get_draft_pending (data);
}

static void
test_drafts (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = load (file, &error);
  KamDataset *dataset = kam_document_get_dataset (document);
  DraftWait wait = { kam_document_get_draft_id (document), 666 };

  g_assert_no_error (error);
  kam_document_set_draft_delay (document, 10);
  g_assert_true (kam_dataset_set_figure_value (dataset, first_id (document), 666, &error));
  g_assert_true (wait_until (draft_holds, &wait));
  /* back at the saved state: the draft goes */
  g_assert_true (kam_dataset_undo (dataset));
  g_assert_true (wait_until (draft_gone, (gpointer) wait.id));

  /* a discard while a draft is being written leaves no draft behind */
  g_assert_true (kam_dataset_redo (dataset));
  kam_document_write_draft (document);
  g_assert_true (kam_document_get_draft_pending (document));
  kam_document_discard_draft (document);
  g_assert_true (wait_until (draft_settled, document));
  g_assert_true (draft_gone ((gpointer) wait.id));

  /* a save removes it too */
  kam_document_write_draft (document);
  wait.value = 666;
  g_assert_true (wait_until (draft_holds, &wait));
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_true (wait_until (draft_gone, (gpointer) wait.id));
}

/* Another program writes the file in place within the same second, as on a
 * file system whose clock counts whole seconds (FAT, many network shares):
 * same file, same size, same modification time (put back exactly, which is
 * what such a clock shows). The save still notices: it compares the bytes. */
static void
test_changed_within_the_second (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = NULL;
  g_autofree char *theirs = NULL, *now = NULL;
  GStatBuf before, after;
  char *digit;
  struct utimbuf times;

  /* the file's time in whole seconds, as such a file system keeps it */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  times.actime = before.st_atime;
  times.modtime = before.st_mtime;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  document = load (file, &error);
  g_assert_no_error (error);
  g_assert_true (kam_dataset_set_figure_value (kam_document_get_dataset (document), first_id (document), 444,
                                               &error));
  /* the other writer changes one digit of a value, in place */
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));
  digit = strstr (theirs, "\"rows\"");
  g_assert_nonnull (digit);
  while (!g_ascii_isdigit (*digit) || g_ascii_isdigit (digit[-1]) || digit[-1] == '"')
    digit++;
  *digit = *digit == '1' ? '2' : '1';
  {
    FILE *f = fopen (path, "r+");
    g_assert_nonnull (f);
    g_assert_cmpuint (fwrite (theirs, 1, strlen (theirs), f), ==, strlen (theirs));
    g_assert_cmpint (fclose (f), ==, 0);
  }
  times.actime = before.st_atime;
  times.modtime = before.st_mtime;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);

  g_assert_false (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
}

/* Save with no edits writes nothing: the file and FILE~ stay as they are.
 * After Save Anyway over another program's version, that version is FILE~,
 * and one more Ctrl+S keeps it there. */
static void
test_save_without_edits (void)
{
  g_autoptr (GFile) file = fixture_copy ("good.kamlang");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KamDocument) document = NULL;
  g_autoptr (KamDataset) v1 = kam_dataset_load_file (file, NULL, &error);
  g_autofree char *v2 = NULL;

  /* a file of this version: saving a version 1 file upgrades it, a change */
  g_assert_no_error (error);
  v2 = kam_dataset_to_data (v1, NULL);
  g_assert_true (g_file_set_contents (path, v2, -1, NULL));
  document = load (file, &error);
  g_autofree char *theirs = NULL, *kept = NULL, *ours = NULL, *again = NULL;
  GStatBuf before, after;

  g_assert_no_error (error);
  g_remove (backup);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* an edit, another program's version, Save Anyway */
  g_assert_true (kam_dataset_set_figure_value (kam_document_get_dataset (document), first_id (document), 444,
                                               &error));
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));
  {
    g_autofree char *edited = g_strconcat (theirs, "\n", NULL);
    g_assert_true (g_file_set_contents (path, edited, -1, NULL));
    g_free (theirs);
    theirs = g_steal_pointer (&edited);
  }
  g_assert_false (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, theirs);
  g_assert_true (g_file_get_contents (path, &ours, NULL, NULL));
  /* Ctrl+S again, no edits */
  g_assert_true (save (document, NULL, KAM_DOCUMENT_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, theirs);
  g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, ours);
}

int
main (int argc, char **argv)
{
  /* check-whole-seconds runs it on a file system with a coarse clock */
  home = g_getenv ("KAM_TEST_FOLDER") != NULL ? g_strdup (g_getenv ("KAM_TEST_FOLDER"))
                                               : g_dir_make_tmp ("kam-document-XXXXXX", NULL);
  /* drafts of this test only, never the user's */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kamlang/document/load", test_load);
  g_test_add_func ("/kamlang/document/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/kamlang/document/save-keeps-later-edits", test_save_keeps_later_edits);
  g_test_add_func ("/kamlang/document/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/kamlang/document/changed-within-the-second", test_changed_within_the_second);
  g_test_add_func ("/kamlang/document/save-without-edits", test_save_without_edits);
  g_test_add_func ("/kamlang/document/drafts", test_drafts);
  g_test_add_func ("/kamlang/document/read-ahead", test_read_ahead);
  g_test_add_func ("/kamlang/document/take-read-ahead", test_take_read_ahead);
  return g_test_run ();
}
