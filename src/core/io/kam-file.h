/* kam-file.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  KAM_WRITE_DEFAULT = 0,
  KAM_WRITE_BACKUP = 1 << 0,  /* keep the previous version as FILE~ */
  KAM_WRITE_PRIVATE = 1 << 1, /* a new file is readable by its owner only (drafts) */
} KamWriteFlags;

/* What a file was when Kamlang read or wrote it: which file it was (device
 * and inode), its size and a 64-bit hash of its bytes. Two stamps are equal
 * only for the same file holding the same bytes, however coarse the file
 * system's clock (FAT and many network shares count whole seconds). A file
 * that is not local has no identity: its size and hash alone. */
typedef struct
{
  gboolean exists;
  guint64 device, inode;
  guint64 size;
  guint64 hash;
} KamFileStamp;

guint64 kam_file_hash (const char *data, gsize length);
/* Reads the file as it is now (any size) to stamp it; a file that does not
 * exist gets a stamp that says so. FALSE only when it could not be read. */
gboolean kam_file_stamp_now (GFile *file, KamFileStamp *stamp, GError **error);
gboolean kam_file_stamp_equal (const KamFileStamp *a, const KamFileStamp *b);

/* One writer at a time: a lock on the file at path (its link followed), held
 * by whoever reads, changes and writes it back, so that two Kamlangs saving
 * one file take turns. It is a lock file beside it (.NAME.kamlang-lock),
 * removed when the lock is let go. Waits up to timeout_ms for another holder;
 * then fails with a message that names the file. Where the folder cannot hold
 * a lock (read-only, or locks not supported) it succeeds without one: the
 * write itself will say what is wrong. */
typedef struct _KamFileLock KamFileLock;

KamFileLock *kam_file_lock (const char *path, guint timeout_ms, GError **error);
void kam_file_unlock (KamFileLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KamFileLock, kam_file_unlock)

#define KAM_FILE_LOCK_TIMEOUT_MS 60000

/* Every file Kamlang writes (datasets, CSV, charts, reports, drafts) goes
 * through here. The new text goes to a temporary file in the same folder,
 * every write, the fsync and the close are checked, and only then is it
 * renamed over the file: a failure leaves the file byte for byte as it was and
 * no temporary file. A symlink is followed and kept; the file's mode and, where
 * permitted, its owner are kept; the backup keeps the original's mode (it is
 * the original, hard-linked). Temporary files left beside the file by a save
 * that was killed are removed. The message of a failure names the file and
 * says what happened. */
gboolean kam_file_write (const char *path, const char *data, gsize length, KamWriteFlags flags,
                         GError **error);

/* The same for a GFile: local files as above; other locations (remote
 * folders) through GIO's own replace. */
gboolean kam_file_write_gfile (GFile *file, const char *data, gsize length, KamWriteFlags flags,
                               GError **error);

/* A read-modify-write's last step: with the file's lock (taken here unless
 * held is the caller's), checks that the file is still as expected (NULL: no
 * check; a stamp that says it does not exist: nothing is there yet) and fails
 * with KAM_ERROR_CHANGED_ON_DISK, writing nothing, when it is not; then writes
 * as kam_file_write_gfile() does and tells the new file's stamp (written may
 * be NULL). */
gboolean kam_file_write_checked (GFile *file, const char *data, gsize length, KamWriteFlags flags,
                                 KamFileLock *held, const KamFileStamp *expected,
                                 KamFileStamp *written, GError **error);

/* Reads a whole regular file of at most max_size bytes. A folder, a named
 * pipe, a device or a socket is refused at once, without reading, with a
 * message that says what the path is; so is a file larger than max_size
 * (also one that grows while it is read). The text is NUL-terminated. */
gboolean kam_file_read (const char *path, gsize max_size, char **data, gsize *length,
                        GError **error);
gboolean kam_file_read_gfile (GFile *file, gsize max_size, char **data, gsize *length,
                              GError **error);
/* The same, stamping what was read (stamp may be NULL). */
gboolean kam_file_read_stamped (GFile *file, gsize max_size, char **data, gsize *length,
                                KamFileStamp *stamp, GError **error);

/* The name shown in messages: the path as given, or the URI. */
char *kam_file_display_name (GFile *file);

/* Whether name is one of Kamlang's temporary files beside base. */
gboolean kam_file_is_temporary_for (const char *name, const char *base);

G_END_DECLS
