/* kam-file.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving so that nothing is ever lost, and reading with bounds.
 *
 * A save writes a temporary file in the target's folder: where the file system
 * allows it an unnamed one (O_TMPFILE), which a crash cannot leave behind, and
 * which gets its name only once it is whole; else a named one. The temporary
 * file is locked (flock) for as long as its writer lives, so that the next save
 * can tell a temporary file of a killed save (its lock is gone) from one that
 * another Kamlang is writing right now, and remove only the first. */

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kam-file.h"
#include "kam-types.h"

#define TEMP_MARK ".kamlang-tmp-"
#define MAX_LINKS 40

/* ---- messages ----------------------------------------------------------------- */

/* Why a write failed, in words a clerk understands. */
static char *
write_reason (int err, const char *folder)
{
  switch (err)
    {
    case ENOSPC:
    case EDQUOT:
      return g_strdup (_("the disk is full"));
    case EFBIG:
      return g_strdup (_("the file would be larger than this system allows"));
    case EACCES:
    case EPERM:
      return g_strdup_printf (_("you do not have permission to write in the folder “%s”"), folder);
    case EROFS:
      return g_strdup (_("the disk can only be read, not written"));
    case EIO:
      return g_strdup (_("the disk reported an error while writing"));
    case ENOENT:
    case ENOTDIR:
      return g_strdup_printf (_("the folder “%s” does not exist"), folder);
    case ELOOP:
      return g_strdup (_("it is a link that leads in a circle"));
    default:
      return g_strdup (g_strerror (err));
    }
}

static gboolean
fail_write (GError **error, int err, const char *path, const char *folder)
{
  g_autofree char *reason = write_reason (err, folder);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
               /* Translators: the first %s is a file, the second why it could not be saved */
               _("Could not save “%s”: %s. The file was not changed."), path, reason);
  return FALSE;
}

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/* ---- writing ------------------------------------------------------------------ */

/* Follows symlinks to the file they point to (which may not exist yet). */
static char *
resolve_links (const char *path, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < MAX_LINKS; i++)
    {
      struct stat st;
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, target, NULL);
    }
  g_autofree char *folder = g_path_get_dirname (path);
  fail_write (error, ELOOP, path, folder);
  return NULL;
}

static gboolean
write_all (int fd, const char *data, gsize length, int *err)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *err = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

gboolean
kam_file_is_temporary_for (const char *name, const char *base)
{
  gsize n = strlen (base);

  return name[0] == '.' && strncmp (name + 1, base, n) == 0
         && g_str_has_prefix (name + 1 + n, TEMP_MARK);
}

/* Removes temporary files of saves that died (nobody holds their lock). */
static void
remove_stale (int dir_fd, const char *base)
{
  int fd = dup (dir_fd);
  DIR *dir = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      int tmp_fd;

      if (!kam_file_is_temporary_for (entry->d_name, base))
        continue;
      tmp_fd = openat (dir_fd, entry->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (tmp_fd < 0)
        continue;
      if (flock (tmp_fd, LOCK_EX | LOCK_NB) == 0)
        unlinkat (dir_fd, entry->d_name, 0);
      close (tmp_fd);
    }
  closedir (dir);
}

static char *
temporary_name (const char *base)
{
  /* keep within NAME_MAX however long the file's own name is */
  g_autofree char *shortened = g_strndup (base, 200);

  return g_strdup_printf (".%s" TEMP_MARK "%08x%08x", shortened, g_random_int (), g_random_int ());
}

/* Opens a new temporary file in the folder, locked. *name is NULL when it is
 * unnamed (O_TMPFILE) and gets its name from give_name(). */
static int
open_temporary (int dir_fd, const char *base, mode_t mode, char **name, int *err)
{
  int fd;

  *name = NULL;
#ifdef O_TMPFILE
  fd = openat (dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd >= 0)
    {
      flock (fd, LOCK_EX);
      return fd;
    }
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
    {
      *err = errno;
      return -1;
    }
#endif
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = temporary_name (base);

      fd = openat (dir_fd, candidate, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode);
      if (fd >= 0)
        {
          flock (fd, LOCK_EX);
          *name = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        break;
    }
  *err = errno;
  return -1;
}

/* Gives an unnamed temporary file a (locked) name in the folder. */
static char *
give_name (int dir_fd, int fd, const char *base, int *err)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", fd);

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate = temporary_name (base);

      if (linkat (AT_FDCWD, proc, dir_fd, candidate, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&candidate);
      if (errno != EEXIST)
        break;
    }
  *err = errno;
  return NULL;
}

/* Writes data to a new temporary file in the folder, with the given mode and,
 * where permitted, the owner of like (NULL: ours), every write, the fsync and
 * the close checked, and gives it a name. Returns that name, for the caller to
 * rename into place, with *lock_fd keeping it locked until the caller closes
 * it; or NULL with *err, having left nothing behind. */
static char *
write_temporary (int dir_fd, const char *base, const char *data, gsize length, mode_t mode,
                 const struct stat *like, int *lock_fd, int *err)
{
  g_autofree char *name = NULL;
  int fd = open_temporary (dir_fd, base, 0600, &name, err);

  *lock_fd = -1;
  if (fd < 0)
    return NULL;
  /* the lock lives as long as this second descriptor, past the checked close */
  *lock_fd = dup (fd);
  *err = 0;
  /* the owner first: a change of owner may clear the mode's set-id bits */
  if (like != NULL && (like->st_uid != geteuid () || like->st_gid != getegid ()))
    (void) (fchown (fd, like->st_uid, like->st_gid) == 0 || fchown (fd, (uid_t) -1, like->st_gid) == 0);
  if (fchmod (fd, mode) != 0)
    *err = errno;
  if (*err == 0)
    write_all (fd, data, length, err);
  if (*err == 0 && fsync (fd) != 0)
    *err = errno;
  if (*err == 0 && name == NULL)
    name = give_name (dir_fd, fd, base, err);
  if (close (fd) != 0 && *err == 0)
    *err = errno;
  if (*err == 0)
    return g_steal_pointer (&name);
  if (name != NULL)
    unlinkat (dir_fd, name, 0);
  if (*lock_fd >= 0)
    close (*lock_fd);
  *lock_fd = -1;
  return NULL;
}

/* Keeps the file's present version as FILE~: a hard link to it, so the backup
 * is the original itself, with its mode; a copy where links are not allowed. */
static gboolean
make_backup (int dir_fd, const char *folder, const char *base, const struct stat *st, int *err)
{
  g_autofree char *backup = g_strconcat (base, "~", NULL);
  g_autofree char *tmp = NULL;
  struct stat kept;
  int lock_fd = -1;
  gboolean ok;

  /* FILE~ may be this very version already (a save killed after making the
   * backup, before its new file took the name): rename() of a link onto
   * another link of the same file does nothing and would leave the link made
   * for it behind (torture/kill-during-save, about one run in ten) */
  if (fstatat (dir_fd, backup, &kept, AT_SYMLINK_NOFOLLOW) == 0 && kept.st_dev == st->st_dev
      && kept.st_ino == st->st_ino)
    return TRUE;
  for (int attempt = 0; attempt < 100 && tmp == NULL; attempt++)
    {
      g_autofree char *candidate = temporary_name (backup);

      if (linkat (dir_fd, base, dir_fd, candidate, 0) == 0)
        tmp = g_steal_pointer (&candidate);
      else if (errno != EEXIST)
        break;
    }
  if (tmp == NULL)
    {
      /* no hard links here (FAT, some network shares): copy */
      g_autofree char *data = NULL;
      g_autofree char *path = g_build_filename (folder, base, NULL);
      gsize length = 0;

      if (!kam_file_read (path, G_MAXSSIZE, &data, &length, NULL))
        {
          *err = EIO;
          return FALSE;
        }
      tmp = write_temporary (dir_fd, backup, data, length, st->st_mode & 07777, st, &lock_fd, err);
      if (tmp == NULL)
        return FALSE;
    }
  ok = renameat (dir_fd, tmp, dir_fd, backup) == 0;
  if (!ok)
    {
      *err = errno;
      unlinkat (dir_fd, tmp, 0);
    }
  if (lock_fd >= 0)
    close (lock_fd);
  return ok;
}

/* ---- one writer at a time ------------------------------------------------------ */

/* A 64-bit hash of the bytes (eight at a time, each mixed in by multiplying
 * and rotating): to tell whether a file changed, not a defence against
 * someone who makes collisions on purpose. Several GB/s. */
guint64
kam_file_hash (const char *data, gsize length)
{
  const guint64 k1 = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15), k2 = G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  guint64 h = length * k2, w;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      memcpy (&w, data + i, 8);
      h ^= w * k1;
      h = ((h << 31) | (h >> 33)) * k2;
    }
  w = 0;
  memcpy (&w, data + i, length - i);
  h ^= w * k1;
  h ^= h >> 29;
  h *= k1;
  h ^= h >> 32;
  return h;
}

gboolean
kam_file_stamp_equal (const KamFileStamp *a, const KamFileStamp *b)
{
  return a->exists == b->exists
         && (!a->exists
             || (a->device == b->device && a->inode == b->inode && a->size == b->size && a->hash == b->hash));
}

gboolean
kam_file_stamp_now (GFile *file, KamFileStamp *stamp, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;

  memset (stamp, 0, sizeof *stamp);
  if (kam_file_read_stamped (file, G_MAXSSIZE - 2, &data, NULL, stamp, &local))
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE; /* stamp->exists is FALSE */
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

#define LOCK_MARK ".kamlang-lock"

struct _KamFileLock
{
  char *path; /* of the lock file */
  int fd;     /* -1: no lock could be had here, and none is needed */
};

static char *
lock_name (const char *base)
{
  g_autofree char *shortened = g_strndup (base, 200);

  return g_strconcat (".", shortened, LOCK_MARK, NULL);
}

/**
 * kam_file_lock:
 *
 * Returns: (transfer full) (nullable): the lock, for kam_file_unlock()
 */
KamFileLock *
kam_file_lock (const char *path, guint timeout_ms, GError **error)
{
  g_autofree char *real = resolve_links (path, error);
  g_autofree char *folder = NULL, *base = NULL, *name = NULL;
  KamFileLock *lock;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  if (real == NULL)
    return NULL;
  folder = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  name = lock_name (base);
  lock = g_new0 (KamFileLock, 1);
  lock->path = g_build_filename (folder, name, NULL);
  lock->fd = -1;
  for (;;)
    {
      struct stat held, now;
      int fd = open (lock->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);

      if (fd < 0)
        return lock; /* a folder we cannot write in: the write will say so */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int err = errno;

          close (fd);
          if (err != EWOULDBLOCK && err != EINTR)
            return lock; /* locks not supported here */
          if (g_get_monotonic_time () >= deadline)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Could not save “%s”: another program has been saving it for too long (it holds “%s”). The file was not changed; try again."),
                           path, lock->path);
              kam_file_unlock (lock);
              return NULL;
            }
          g_usleep (10000);
          continue;
        }
      /* the holder before us may have removed the lock file we opened: then
       * it locks nothing, and we start again with the one there now */
      if (fstat (fd, &held) == 0 && stat (lock->path, &now) == 0 && held.st_dev == now.st_dev
          && held.st_ino == now.st_ino)
        {
          lock->fd = fd;
          return lock;
        }
      close (fd);
    }
}

void
kam_file_unlock (KamFileLock *lock)
{
  if (lock == NULL)
    return;
  if (lock->fd >= 0)
    {
      /* removed while still held: whoever waits on it starts again */
      unlink (lock->path);
      close (lock->fd);
    }
  g_free (lock->path);
  g_free (lock);
}

/* ---- writing, continued --------------------------------------------------------- */

static gboolean
write_path (const char *path, const char *data, gsize length, KamWriteFlags flags,
            KamFileStamp *written, GError **error)
{
  g_autofree char *real = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  struct stat st;
  gboolean exists;
  mode_t mode;
  int dir_fd, lock_fd, err = 0;
  gboolean backup_failed = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  real = resolve_links (path, error);
  if (real == NULL)
    return FALSE;
  folder = g_path_get_dirname (real);
  base = g_path_get_basename (real);

  exists = stat (real, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is %s, not a file."), path, kind_of (st.st_mode));
      return FALSE;
    }
  if (!exists && errno != ENOENT)
    return fail_write (error, errno, path, folder);
  if (exists)
    mode = st.st_mode & 07777;
  else if (flags & KAM_WRITE_PRIVATE)
    mode = 0600;
  else
    {
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }

  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return fail_write (error, errno, path, folder);
  remove_stale (dir_fd, base);
  {
    /* and those of the backup a killed save was making (they made
     * torture/kill-during-save fail about once in ten runs) */
    g_autofree char *backup = g_strconcat (base, "~", NULL);

    remove_stale (dir_fd, backup);
  }

  tmp_name = write_temporary (dir_fd, base, data, length, mode, exists ? &st : NULL, &lock_fd, &err);
  if (err == 0 && exists && (flags & KAM_WRITE_BACKUP) && !make_backup (dir_fd, folder, base, &st, &err))
    backup_failed = TRUE;
  if (err == 0 && renameat (dir_fd, tmp_name, dir_fd, base) != 0)
    err = errno;
  if (err != 0 && tmp_name != NULL)
    unlinkat (dir_fd, tmp_name, 0);
  if (err == 0 && written != NULL)
    {
      struct stat now;

      /* the temporary file is the file now: its identity is the new one's */
      *written = (KamFileStamp) { TRUE, 0, 0, length, kam_file_hash (data, length) };
      if (lock_fd >= 0 && fstat (lock_fd, &now) == 0)
        {
          written->device = now.st_dev;
          written->inode = now.st_ino;
        }
    }
  if (lock_fd >= 0)
    close (lock_fd);
  if (err != 0)
    {
      close (dir_fd);
      if (backup_failed)
        {
          g_autofree char *reason = write_reason (err, folder);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err),
                       _("Could not save “%s”: the previous version could not be kept as “%s~” (%s). The file was not changed."),
                       path, base, reason);
          return FALSE;
        }
      return fail_write (error, err, path, folder);
    }
  /* the rename itself must reach the disk too */
  fsync (dir_fd);
  close (dir_fd);
  return TRUE;
}

/**
 * kam_file_write:
 * @flags: #KamWriteFlags
 *
 * Returns: whether the file now holds @data; on failure it is unchanged
 */
gboolean
kam_file_write (const char *path, const char *data, gsize length, KamWriteFlags flags,
                GError **error)
{
  g_autoptr (KamFileLock) lock = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  lock = kam_file_lock (path, KAM_FILE_LOCK_TIMEOUT_MS, error);
  if (lock == NULL)
    return FALSE;
  return write_path (path, data, length, flags, NULL, error);
}

char *
kam_file_display_name (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

/**
 * kam_file_write_gfile:
 *
 * Returns: whether the file now holds @data
 */
gboolean
kam_file_write_gfile (GFile *file, const char *data, gsize length, KamWriteFlags flags,
                      GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local = NULL;

  if (path != NULL)
    return kam_file_write (path, data, length, flags, error);
  if (!g_file_replace_contents (file, data, length, NULL, (flags & KAM_WRITE_BACKUP) != 0,
                                (flags & KAM_WRITE_PRIVATE) ? G_FILE_CREATE_PRIVATE : G_FILE_CREATE_NONE,
                                NULL, NULL, &local))
    {
      g_autofree char *name = kam_file_display_name (file);

      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Could not save “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * kam_file_write_checked:
 * @held: (nullable): the file's lock, when the caller holds it
 * @expected: (nullable): what the file must still be
 * @written: (out) (optional): what it is once written
 *
 * Returns: whether the file now holds @data; on failure it is unchanged
 */
gboolean
kam_file_write_checked (GFile *file, const char *data, gsize length, KamWriteFlags flags,
                        KamFileLock *held, const KamFileStamp *expected, KamFileStamp *written,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (KamFileLock) own = NULL;

  if (path != NULL && held == NULL)
    {
      own = kam_file_lock (path, KAM_FILE_LOCK_TIMEOUT_MS, error);
      if (own == NULL)
        return FALSE;
    }
  if (expected != NULL)
    {
      KamFileStamp now;

      if (!kam_file_stamp_now (file, &now, error))
        return FALSE;
      if (!kam_file_stamp_equal (&now, expected))
        {
          g_autofree char *name = kam_file_display_name (file);

          g_set_error (error, KAM_ERROR, KAM_ERROR_CHANGED_ON_DISK,
                       _("%s was changed by another program since it was read here"), name);
          return FALSE;
        }
    }
  if (path != NULL)
    return write_path (path, data, length, flags, written, error);
  if (!kam_file_write_gfile (file, data, length, flags, error))
    return FALSE;
  if (written != NULL)
    *written = (KamFileStamp) { TRUE, 0, 0, length, kam_file_hash (data, length) };
  return TRUE;
}

/* ---- reading ------------------------------------------------------------------ */

static gboolean
too_large (GError **error, const char *path, gsize max_size)
{
  g_autofree char *limit = NULL;

  if (max_size >= (1 << 30) && max_size % (1 << 30) == 0)
    limit = g_strdup_printf (_("%u GiB"), (guint) (max_size >> 30));
  else if (max_size >= (1 << 20) && max_size % (1 << 20) == 0)
    limit = g_strdup_printf (_("%u MiB"), (guint) (max_size >> 20));
  else
    limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, KAM_ERROR, KAM_ERROR_TOO_LARGE,
               _("Could not open “%s”: it is larger than %s, more than Kamlang opens."), path, limit);
  return FALSE;
}

static gboolean
fail_read (GError **error, int err, const char *path)
{
  const char *reason;

  switch (err)
    {
    case ENOENT:
      reason = _("there is no such file");
      break;
    case EACCES:
    case EPERM:
      reason = _("you do not have permission to read it");
      break;
    case EISDIR:
      reason = _("it is a folder, not a file");
      break;
    case EIO:
      reason = _("the disk reported an error while reading");
      break;
    case ENOTDIR:
      reason = _("a part of its path is not a folder");
      break;
    case ELOOP:
      reason = _("it is a link that leads in a circle");
      break;
    default:
      reason = g_strerror (err);
    }
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err), _("Could not open “%s”: %s."), path,
               reason);
  return FALSE;
}

static gboolean
not_a_file (GError **error, const char *path, mode_t mode)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("Could not open “%s”: it is %s, not a file."), path, kind_of (mode));
  return FALSE;
}

/**
 * kam_file_read:
 * @data: (out) (transfer full): the contents, NUL-terminated
 *
 * Returns: whether the whole file was read
 */
static gboolean
read_local (const char *path, gsize max_size, char **data, gsize *length, struct stat *stat_out,
            GError **error)
{
  struct stat st;
  g_autofree char *buffer = NULL;
  gsize size, used = 0;
  int fd;

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  /* stat first: opening a socket fails, opening a FIFO may wait for a writer */
  if (stat (path, &st) != 0)
    return fail_read (error, errno, path);
  if (!S_ISREG (st.st_mode))
    return not_a_file (error, path, st.st_mode);
  /* O_NONBLOCK: should it have become a FIFO since, the open does not wait */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return fail_read (error, errno, path);
  if (fstat (fd, &st) != 0)
    {
      int err = errno;

      close (fd);
      return fail_read (error, err, path);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return not_a_file (error, path, st.st_mode);
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      return too_large (error, path, max_size);
    }
  /* files in /proc and the like say 0: grow as they are read */
  size = st.st_size > 0 ? (gsize) st.st_size + 1 : 65536;
  buffer = g_malloc (size);
  for (;;)
    {
      ssize_t n;

      if (used + 1 >= size)
        {
          if (used > max_size)
            break;
          size = MIN (size * 2, max_size + 2);
          buffer = g_realloc (buffer, size);
        }
      n = read (fd, buffer + used, size - used - 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int err = errno;
          close (fd);
          return fail_read (error, err, path);
        }
      if (n == 0)
        break;
      used += n;
    }
  close (fd);
  if (used > max_size)
    return too_large (error, path, max_size);
  buffer[used] = '\0';
  if (length != NULL)
    *length = used;
  if (stat_out != NULL)
    *stat_out = st;
  *data = g_steal_pointer (&buffer);
  return TRUE;
}

gboolean
kam_file_read (const char *path, gsize max_size, char **data, gsize *length, GError **error)
{
  return read_local (path, max_size, data, length, NULL, error);
}

/**
 * kam_file_read_gfile:
 * @data: (out) (transfer full): the contents, NUL-terminated
 *
 * Returns: whether the whole file was read
 */
gboolean
kam_file_read_gfile (GFile *file, gsize max_size, char **data, gsize *length, GError **error)
{
  return kam_file_read_stamped (file, max_size, data, length, NULL, error);
}

/**
 * kam_file_read_stamped:
 * @data: (out) (transfer full): the contents, NUL-terminated
 * @stamp: (out) (optional): what the file was as it was read
 *
 * Returns: whether the whole file was read
 */
gboolean
kam_file_read_stamped (GFile *file, gsize max_size, char **data, gsize *length,
                       KamFileStamp *stamp, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  gsize n = 0;

  if (path != NULL)
    {
      struct stat st;

      if (!read_local (path, max_size, data, &n, &st, error))
        return FALSE;
      if (length != NULL)
        *length = n;
      if (stamp != NULL)
        {
          stamp->exists = TRUE;
          stamp->device = st.st_dev;
          stamp->inode = st.st_ino;
          stamp->size = n;
          stamp->hash = kam_file_hash (*data, n);
        }
      return TRUE;
    }

  /* resources and remote locations: ask GIO */
  name = kam_file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Could not open “%s”: "), name);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
      && g_file_info_get_file_type (info) != G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not open “%s”: it is not a regular file."), name);
      return FALSE;
    }
  if ((guint64) g_file_info_get_size (info) > max_size)
    return too_large (error, name, max_size);
  if (!g_file_load_contents (file, NULL, data, &n, NULL, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Could not open “%s”: "), name);
      return FALSE;
    }
  if (n > max_size)
    {
      g_clear_pointer (data, g_free);
      return too_large (error, name, max_size);
    }
  if (length != NULL)
    *length = n;
  if (stamp != NULL)
    {
      *stamp = (KamFileStamp) { TRUE, 0, 0, n, kam_file_hash (*data, n) };
    }
  return TRUE;
}
