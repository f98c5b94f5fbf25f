/* kam-dataset-commands.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The undoable changes of a dataset, one class per kind of change. */

#include "kam-dataset-commands-private.h"
#include "kam-model-private.h"

void
_kam_dataset_run (KamDataset *self, KamCommand *command)
{
  command->klass->apply (command, self, FALSE);
  _kam_history_push (self->history, command);
  _kam_dataset_emit_changed (self);
}

static void
prop_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  PropCommand *self = (PropCommand *) command;

  g_object_set_property (self->item, self->property,
                         undo ? &self->old_value : &self->new_value);
}

static void
prop_free (KamCommand *command)
{
  PropCommand *self = (PropCommand *) command;

  g_object_unref (self->item);
  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
}

const KamCommandClass _kam_prop_command_class = { prop_apply, prop_free };

static void
list_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  ListCommand *self = (ListCommand *) command;

  if (self->insert != undo)
    _kam_dataset_list_insert (dataset, self->list, self->position, self->item);
  else
    _kam_dataset_list_remove (dataset, self->list, self->position);
}

static void
list_free (KamCommand *command)
{
  g_object_unref (((ListCommand *) command)->item);
}

const KamCommandClass _kam_list_command_class = { list_apply, list_free };

static void
member_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  MemberCommand *self = (MemberCommand *) command;

  if (undo)
    g_object_unref (_kam_dimension_take_last_member (self->dimension));
  else
    _kam_dimension_append (self->dimension, self->member);
}

static void
member_free (KamCommand *command)
{
  MemberCommand *self = (MemberCommand *) command;

  g_object_unref (self->dimension);
  g_object_unref (self->member);
}

const KamCommandClass _kam_member_command_class = { member_apply, member_free };

static void
figures_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  FiguresCommand *self = (FiguresCommand *) command;

  if (self->add == undo)
    {
      g_assert (self->saved == NULL);
      self->saved = g_new0 (KamSavedFigure, self->n);
      _kam_figure_table_remove (dataset->figures, self->ids, self->n, self->saved);
    }
  else
    {
      _kam_figure_table_restore (dataset->figures, self->saved, self->n);
      kam_saved_figures_free (self->saved, self->n);
      self->saved = NULL;
    }
}

static void
figures_free (KamCommand *command)
{
  FiguresCommand *self = (FiguresCommand *) command;

  g_free (self->ids);
  kam_saved_figures_free (self->saved, self->n);
}

const KamCommandClass _kam_figures_command_class = { figures_apply, figures_free };

static void
field_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  FieldCommand *self = (FieldCommand *) command;
  int row = kam_figure_table_find_row (dataset->figures, self->id);

  g_assert (row >= 0);
  _kam_figure_table_set_field (dataset->figures, row, self->field,
                               undo ? &self->old_row : &self->new_row);
  dataset->stepped_figure = self->id;
  dataset->stepped_field = self->field;
}

static void
field_free (KamCommand *command)
{
  FieldCommand *self = (FieldCommand *) command;

  g_free ((char *) self->old_row.note);
  g_free ((char *) self->new_row.note);
}

const KamCommandClass _kam_field_command_class = { field_apply, field_free };
