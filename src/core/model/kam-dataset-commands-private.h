/* kam-dataset-commands-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-dataset-private.h"
#include "kam-history-private.h"

G_BEGIN_DECLS

/* The undoable changes of a dataset: each applies itself forwards (undo FALSE)
 * or backwards. The mutators of kam-dataset-edit.c fill them in and run them. */

/* Setting one property of an item (or of the dataset itself). */
typedef struct
{
  KamCommand parent;
  GObject *item;
  const char *property;
  GValue old_value;
  GValue new_value;
} PropCommand;

/* Inserting into or removing from one of the item lists. */
typedef struct
{
  KamCommand parent;
  ListKind list;
  GObject *item;
  guint position;
  gboolean insert;
} ListCommand;

/* Appending a member to a dimension. */
typedef struct
{
  KamCommand parent;
  KamDimension *dimension;
  KamMember *member; /* the same object every redo: later edits name it */
} MemberCommand;

/* Adding or removing figures: the ids stay the same across undo and redo. */
typedef struct
{
  KamCommand parent;
  gboolean add;
  guint n;
  guint32 *ids;          /* ascending */
  KamSavedFigure *saved; /* the rows while they are out of the table */
} FiguresCommand;

/* Changing one field of one figure. */
typedef struct
{
  KamCommand parent;
  guint32 id;
  KamFigureField field;
  KamFigureRow old_row;
  KamFigureRow new_row;
} FieldCommand;

extern const KamCommandClass _kam_prop_command_class;
extern const KamCommandClass _kam_list_command_class;
extern const KamCommandClass _kam_member_command_class;
extern const KamCommandClass _kam_figures_command_class;
extern const KamCommandClass _kam_field_command_class;

/* Applies a new command, puts it on the history and says the dataset changed. */
void _kam_dataset_run (KamDataset *self, KamCommand *command);

G_END_DECLS
