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

/* Reads a whole regular file of at most max_size bytes. A folder, a named
 * pipe, a device or a socket is refused at once, without reading, with a
 * message that says what the path is; so is a file larger than max_size
 * (also one that grows while it is read). The text is NUL-terminated. */
gboolean kam_file_read (const char *path, gsize max_size, char **data, gsize *length,
                        GError **error);
gboolean kam_file_read_gfile (GFile *file, gsize max_size, char **data, gsize *length,
                              GError **error);

/* The name shown in messages: the path as given, or the URI. */
char *kam_file_display_name (GFile *file);

/* Whether name is one of Kamlang's temporary files beside base. */
gboolean kam_file_is_temporary_for (const char *name, const char *base);

G_END_DECLS
