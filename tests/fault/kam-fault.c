/* kam-fault.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fault injector for tests, loaded with LD_PRELOAD into the kamlang binary:
 * it makes the file system fail the way real disks do. KAM_FAULT says how:
 *
 *   enospc:N   writes to regular files fail with ENOSPC once N bytes are written
 *   eio:N      the same with EIO (a failing disk)
 *   fsync      fsync of a regular file fails with EIO
 *   close      closing a regular file that was written fails with EIO
 *   rename     rename fails with EIO
 *   nolink     hard links are refused (EPERM), as on FAT or some network shares
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FDS 4096

static unsigned char written[MAX_FDS];
static long long total;

static const char *
fault (void)
{
  const char *f = getenv ("KAM_FAULT");
  return f ? f : "";
}

static int
is_regular (int fd)
{
  struct stat st;
  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

ssize_t
write (int fd, const void *buf, size_t count)
{
  static ssize_t (*real) (int, const void *, size_t);
  const char *f = fault ();
  int err = 0;
  long long limit = -1;

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "write");
  if (strncmp (f, "enospc:", 7) == 0)
    {
      limit = atoll (f + 7);
      err = ENOSPC;
    }
  else if (strncmp (f, "eio:", 4) == 0)
    {
      limit = atoll (f + 4);
      err = EIO;
    }
  if (limit >= 0 && is_regular (fd))
    {
      if (fd >= 0 && fd < MAX_FDS)
        written[fd] = 1;
      if (total >= limit)
        {
          errno = err;
          return -1;
        }
      /* a short write first, as a disk filling up gives */
      if (total + (long long) count > limit)
        count = limit - total;
      total += count;
    }
  else if (fd >= 0 && fd < MAX_FDS && is_regular (fd))
    written[fd] = 1;
  return real (fd, buf, count);
}

int
fsync (int fd)
{
  static int (*real) (int);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "fsync");
  if (strcmp (fault (), "fsync") == 0 && is_regular (fd))
    {
      errno = EIO;
      return -1;
    }
  return real (fd);
}

int
close (int fd)
{
  static int (*real) (int);
  int was_written = fd >= 0 && fd < MAX_FDS && written[fd];
  int result;

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "close");
  if (fd >= 0 && fd < MAX_FDS)
    written[fd] = 0;
  result = real (fd);
  if (result == 0 && was_written && strcmp (fault (), "close") == 0)
    {
      errno = EIO;
      return -1;
    }
  return result;
}

int
renameat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
  static int (*real) (int, const char *, int, const char *);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "renameat");
  if (strcmp (fault (), "rename") == 0)
    {
      errno = EIO;
      return -1;
    }
  return real (olddirfd, oldpath, newdirfd, newpath);
}

int
rename (const char *oldpath, const char *newpath)
{
  return renameat (AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

int
linkat (int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
  static int (*real) (int, const char *, int, const char *, int);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "linkat");
  /* naming an O_TMPFILE file (through /proc, AT_SYMLINK_FOLLOW) still works */
  if (strcmp (fault (), "nolink") == 0 && !(flags & AT_SYMLINK_FOLLOW))
    {
      errno = EPERM;
      return -1;
    }
  return real (olddirfd, oldpath, newdirfd, newpath, flags);
}
