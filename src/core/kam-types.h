/* kam-types.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _KamDataset KamDataset;
typedef struct _KamFigureTable KamFigureTable;
typedef struct _KamHistory KamHistory;
typedef struct _KamDimension KamDimension;

/* How exact a figure is, as its source says ("about", "more than" ...).
 * The nicks are the file format's words. */
typedef enum
{
  KAM_QUALIFIER_EXACT,
  KAM_QUALIFIER_APPROXIMATE, /* about, around, some, nearly */
  KAM_QUALIFIER_LOWER_BOUND, /* more than, at least */
  KAM_QUALIFIER_UPPER_BOUND, /* fewer than, up to */
  KAM_QUALIFIER_ESTIMATE,
  KAM_QUALIFIER_PROVISIONAL,
} KamQualifier;

#define KAM_N_QUALIFIERS (KAM_QUALIFIER_PROVISIONAL + 1)

/* A dataset has at most this many dimensions (breakdowns). */
#define KAM_MAX_DIMENSIONS 8

typedef enum
{
  KAM_INDICATOR_KIND_STOCK,
  KAM_INDICATOR_KIND_FLOW,
  KAM_INDICATOR_KIND_TARGET,
} KamIndicatorKind;

typedef enum
{
  KAM_AGREEMENT_KIND_MOU,
  KAM_AGREEMENT_KIND_PROGRAMME,
  KAM_AGREEMENT_KIND_AGREEMENT,
} KamAgreementKind;

typedef enum
{
  KAM_AGREEMENT_STATUS_PLANNED,
  KAM_AGREEMENT_STATUS_SIGNED,
  KAM_AGREEMENT_STATUS_IN_FORCE,
  KAM_AGREEMENT_STATUS_ENDED,
} KamAgreementStatus;

typedef enum
{
  KAM_FIGURE_FIELD_COUNTRY,
  KAM_FIGURE_FIELD_YEAR,
  KAM_FIGURE_FIELD_INDICATOR,
  KAM_FIGURE_FIELD_VALUE,
  KAM_FIGURE_FIELD_SOURCE,
  KAM_FIGURE_FIELD_NOTE,
  KAM_FIGURE_FIELD_QUALIFIER,
  KAM_FIGURE_FIELD_MEMBERS, /* all the members at once */
} KamFigureField;

typedef enum
{
  KAM_SEVERITY_WARNING,
  KAM_SEVERITY_ERROR,
} KamSeverity;

typedef enum
{
  KAM_CHART_DESTINATIONS,
  KAM_CHART_TREND,
  KAM_CHART_SHARE,
  KAM_CHART_QUOTA,
  KAM_CHART_GENDER,
  KAM_CHART_REMITTANCES,
  KAM_CHART_MAP,
} KamChartKind;

typedef enum
{
  KAM_SCALE_LINEAR,
  KAM_SCALE_LOG,
} KamScaleKind;

/* How a map shows its values. */
typedef enum
{
  KAM_MAP_SHADED,   /* each country coloured by its class of values */
  KAM_MAP_CIRCLES,  /* a circle on each country, its area the value */
} KamMapStyle;

/* What a map frames. */
typedef enum
{
  KAM_MAP_FRAME_DESTINATIONS, /* Asia and the Gulf */
  KAM_MAP_FRAME_WORLD,
} KamMapFrame;

#define KAM_YEAR_MIN 1900
#define KAM_YEAR_MAX 2100

/* Error domain for everything that reads or checks user data. */
#define KAM_ERROR (kam_error_quark ())
GQuark kam_error_quark (void);

typedef enum
{
  KAM_ERROR_INVALID,    /* the data breaks a rule */
  KAM_ERROR_SYNTAX,     /* the file is not well-formed */
  KAM_ERROR_TOO_LARGE,  /* the file or its nesting is too big */
  KAM_ERROR_VERSION,    /* written by a newer Kamlang */
  KAM_ERROR_NOT_FOUND,  /* a reference to something that does not exist */
  KAM_ERROR_IN_USE,     /* still used by figures */
  KAM_ERROR_CHANGED_ON_DISK, /* someone else wrote the file since it was opened or saved */
  KAM_ERROR_BUSY,       /* the document is being saved */
  KAM_ERROR_SERVER,     /* the database server could not be reached, or refused */
  KAM_ERROR_PASSWORD,   /* the database server asks for a password, or another one */
  KAM_ERROR_READ_ONLY,  /* the user may not change this (a shared dataset's role) */
} KamError;

/* Enum <-> file-format nick helpers (the nicks are the strings of the file format). */
const char *kam_enum_to_nick (GType type, int value);
gboolean kam_enum_from_nick (GType type, const char *nick, int *value);

G_END_DECLS
