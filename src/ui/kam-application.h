/* kam-application.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "kam-session.h"
#include "kam-window.h"

G_BEGIN_DECLS

#define KAM_TYPE_APPLICATION (kam_application_get_type ())
G_DECLARE_FINAL_TYPE (KamApplication, kam_application, KAM, APPLICATION, AdwApplication)

KamApplication *kam_application_new (void);
KamSession *kam_application_get_session (KamApplication *self);

G_END_DECLS
