/* kam-history-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-history.h"

G_BEGIN_DECLS

typedef struct _KamCommand KamCommand;

typedef struct
{
  /* Applies the command (forward) or reverts it (undo). */
  void (*apply) (KamCommand *command, KamDataset *dataset, gboolean undo);
  void (*free) (KamCommand *command);
} KamCommandClass;

struct _KamCommand
{
  const KamCommandClass *klass;
  char *label;
  guint64 serial; /* unique in the process: names the state after this command */
};

gpointer _kam_command_alloc (const KamCommandClass *klass, gsize size, const char *label);
void _kam_command_free (KamCommand *command);

KamHistory *_kam_history_new (void);
/* Takes a command that has just been applied. Inside a group it joins the group. */
void _kam_history_push (KamHistory *self, KamCommand *command);
/* FALSE: the edits from now on are not steps to undo (nested; TRUE ends). */
void _kam_history_set_recording (KamHistory *self, gboolean recording);
void _kam_history_begin_group (KamHistory *self, const char *label);
/* Returns TRUE when the outermost group closed with something in it. */
gboolean _kam_history_end_group (KamHistory *self);
gboolean _kam_history_in_group (KamHistory *self);
KamCommand *_kam_history_undo_step (KamHistory *self);
KamCommand *_kam_history_redo_step (KamHistory *self);
void _kam_history_mark_saved (KamHistory *self);
guint64 _kam_history_get_state (KamHistory *self);
void _kam_history_mark_saved_state (KamHistory *self, guint64 state);
void _kam_history_mark_unsaved (KamHistory *self);
void _kam_history_clear (KamHistory *self);

G_END_DECLS
