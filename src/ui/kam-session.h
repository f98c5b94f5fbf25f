/* kam-session.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What belongs to the user's session rather than to one window: the files
 * opened lately (the Open Recent menu, the file the next launch opens) and
 * the drafts a crash left behind. The application has one; its windows tell
 * it which files they opened or saved. */
#define KAM_TYPE_SESSION (kam_session_get_type ())
G_DECLARE_FINAL_TYPE (KamSession, kam_session, KAM, SESSION, GObject)

KamSession *kam_session_new (GtkRecentManager *recent, GSettings *settings);
GMenuModel *kam_session_get_recent_menu (KamSession *self);
void kam_session_remember_file (KamSession *self, GFile *file);
GFile *kam_session_dup_last_file (KamSession *self);
/* A window to restore drafts into, when a crash left some: it asks first. */
GtkWidget *kam_session_offer_drafts (KamSession *self, GtkWindow *window);

G_END_DECLS
