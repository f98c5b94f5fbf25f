/* kam-history.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-types.h"

G_BEGIN_DECLS

#define KAM_TYPE_HISTORY (kam_history_get_type ())
G_DECLARE_FINAL_TYPE (KamHistory, kam_history, KAM, HISTORY, GObject)

gboolean kam_history_get_can_undo (KamHistory *self);
gboolean kam_history_get_can_redo (KamHistory *self);
const char *kam_history_get_undo_label (KamHistory *self);
const char *kam_history_get_redo_label (KamHistory *self);
gboolean kam_history_get_at_saved (KamHistory *self);
guint kam_history_get_n_steps (KamHistory *self);

G_END_DECLS
