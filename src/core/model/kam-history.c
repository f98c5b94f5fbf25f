/* kam-history.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The undo stack. Commands before `position` are done, the rest can be redone.
 * The saved position is where the file on disk stands; `at-saved` (and so the
 * dataset's `modified`) is derived from it and never set by hand. */

#include "kam-history-private.h"

struct _KamHistory
{
  GObject parent_instance;

  GPtrArray *steps;  /* KamCommand * */
  guint position;
  int saved;         /* -1 when the saved state can no longer be reached */
  GPtrArray *groups; /* open groups, innermost last */
  guint64 base;      /* the state before the first step */
  guint unrecorded;  /* >0: edits are not steps (they came from elsewhere) */
};

/* Serial numbers of states: every command, and every history's start, gets
 * its own, never reused, so a state named before an asynchronous save is
 * found again (or known gone) when the save ends. */
static guint64
next_serial (void)
{
  static guint64 serial;

  return __atomic_add_fetch (&serial, 1, __ATOMIC_RELAXED);
}

G_DEFINE_FINAL_TYPE (KamHistory, kam_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_AT_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A group is a command made of commands, applied in order and undone backwards. */
typedef struct
{
  KamCommand parent;
  GPtrArray *children;
} GroupCommand;

static void
group_apply (KamCommand *command, KamDataset *dataset, gboolean undo)
{
  GroupCommand *self = (GroupCommand *) command;

  if (undo)
    for (guint i = self->children->len; i > 0; i--)
      {
        KamCommand *child = g_ptr_array_index (self->children, i - 1);
        child->klass->apply (child, dataset, TRUE);
      }
  else
    for (guint i = 0; i < self->children->len; i++)
      {
        KamCommand *child = g_ptr_array_index (self->children, i);
        child->klass->apply (child, dataset, FALSE);
      }
}

static void
group_free (KamCommand *command)
{
  g_ptr_array_unref (((GroupCommand *) command)->children);
}

static const KamCommandClass group_class = { group_apply, group_free };

gpointer
_kam_command_alloc (const KamCommandClass *klass, gsize size, const char *label)
{
  KamCommand *command = g_malloc0 (size);

  command->klass = klass;
  command->label = g_strdup (label);
  command->serial = next_serial ();
  return command;
}

void
_kam_command_free (KamCommand *command)
{
  if (command == NULL)
    return;
  if (command->klass->free != NULL)
    command->klass->free (command);
  g_free (command->label);
  g_free (command);
}

typedef struct
{
  gboolean can_undo, can_redo, at_saved;
  const char *undo_label, *redo_label;
} State;

static void
get_state (KamHistory *self, State *state)
{
  state->can_undo = kam_history_get_can_undo (self);
  state->can_redo = kam_history_get_can_redo (self);
  state->at_saved = kam_history_get_at_saved (self);
  state->undo_label = kam_history_get_undo_label (self);
  state->redo_label = kam_history_get_redo_label (self);
}

static void
notify_changes (KamHistory *self, const State *before)
{
  State after;

  get_state (self, &after);
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (before->at_saved != after.at_saved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_SAVED]);
}

gboolean
kam_history_get_can_undo (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
kam_history_get_can_redo (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len;
}

/**
 * kam_history_get_undo_label:
 *
 * Returns: (nullable): what Undo would revert, e.g. "Edit value"
 */
const char *
kam_history_get_undo_label (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), NULL);
  if (self->position == 0)
    return NULL;
  return ((KamCommand *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

/**
 * kam_history_get_redo_label:
 *
 * Returns: (nullable): what Redo would apply again
 */
const char *
kam_history_get_redo_label (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), NULL);
  if (self->position >= self->steps->len)
    return NULL;
  return ((KamCommand *) g_ptr_array_index (self->steps, self->position))->label;
}

gboolean
kam_history_get_at_saved (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), TRUE);
  return self->saved == (int) self->position;
}

guint
kam_history_get_n_steps (KamHistory *self)
{
  g_return_val_if_fail (KAM_IS_HISTORY (self), 0);
  return self->steps->len;
}

void
_kam_history_set_recording (KamHistory *self, gboolean recording)
{
  if (recording)
    {
      g_return_if_fail (self->unrecorded > 0);
      self->unrecorded--;
    }
  else
    self->unrecorded++;
}

void
_kam_history_push (KamHistory *self, KamCommand *command)
{
  State before;

  if (self->unrecorded > 0)
    {
      _kam_command_free (command);
      return;
    }

  if (self->groups->len > 0)
    {
      GroupCommand *group = g_ptr_array_index (self->groups, self->groups->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  get_state (self, &before);
  /* A new edit drops what could be redone; a saved state among it is lost. */
  if (self->saved > (int) self->position)
    self->saved = -1;
  g_ptr_array_set_size (self->steps, self->position);
  g_ptr_array_add (self->steps, command);
  self->position++;
  notify_changes (self, &before);
}

void
_kam_history_begin_group (KamHistory *self, const char *label)
{
  GroupCommand *group = _kam_command_alloc (&group_class, sizeof (GroupCommand), label);

  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_command_free);
  g_ptr_array_add (self->groups, group);
}

gboolean
_kam_history_end_group (KamHistory *self)
{
  GroupCommand *group;

  g_return_val_if_fail (self->groups->len > 0, FALSE);
  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (group->children->len == 0)
    {
      _kam_command_free ((KamCommand *) group);
      return FALSE;
    }
  _kam_history_push (self, (KamCommand *) group);
  return self->groups->len == 0;
}

gboolean
_kam_history_in_group (KamHistory *self)
{
  return self->groups->len > 0;
}

KamCommand *
_kam_history_undo_step (KamHistory *self)
{
  State before;

  if (self->position == 0 || self->groups->len > 0)
    return NULL;
  get_state (self, &before);
  self->position--;
  notify_changes (self, &before);
  return g_ptr_array_index (self->steps, self->position);
}

KamCommand *
_kam_history_redo_step (KamHistory *self)
{
  State before;

  if (self->position >= self->steps->len || self->groups->len > 0)
    return NULL;
  get_state (self, &before);
  self->position++;
  notify_changes (self, &before);
  return g_ptr_array_index (self->steps, self->position - 1);
}

void
_kam_history_mark_saved (KamHistory *self)
{
  State before;

  get_state (self, &before);
  self->saved = self->position;
  notify_changes (self, &before);
}

/* A name for the current state, for _kam_history_mark_saved_state(). */
guint64
_kam_history_get_state (KamHistory *self)
{
  if (self->position == 0)
    return self->base;
  return ((KamCommand *) g_ptr_array_index (self->steps, self->position - 1))->serial;
}

/* Records that a file holds the named state, which may no longer be the
 * current one (edits made while it was written) or be gone altogether. */
void
_kam_history_mark_saved_state (KamHistory *self, guint64 state)
{
  State before;

  get_state (self, &before);
  self->saved = -1;
  if (state == self->base)
    self->saved = 0;
  for (guint i = 0; i < self->steps->len; i++)
    if (((KamCommand *) g_ptr_array_index (self->steps, i))->serial == state)
      self->saved = i + 1;
  notify_changes (self, &before);
}

/* The data differs from any file: nothing in the history can reach the saved state. */
void
_kam_history_mark_unsaved (KamHistory *self)
{
  State before;

  get_state (self, &before);
  self->saved = -1;
  notify_changes (self, &before);
}

void
_kam_history_clear (KamHistory *self)
{
  State before;

  get_state (self, &before);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved = 0;
  self->base = next_serial ();
  notify_changes (self, &before);
}

static void
kam_history_finalize (GObject *object)
{
  KamHistory *self = KAM_HISTORY (object);

  g_ptr_array_unref (self->steps);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (kam_history_parent_class)->finalize (object);
}

static void
kam_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamHistory *self = KAM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kam_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kam_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, kam_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, kam_history_get_redo_label (self));
      break;
    case PROP_AT_SAVED:
      g_value_set_boolean (value, kam_history_get_at_saved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_history_class_init (KamHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kam_history_finalize;
  object_class->get_property = kam_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_AT_SAVED] = g_param_spec_boolean ("at-saved", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kam_history_init (KamHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_command_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) _kam_command_free);
  self->base = next_serial ();
}

KamHistory *
_kam_history_new (void)
{
  return g_object_new (KAM_TYPE_HISTORY, NULL);
}
