/* kam-items-view-private.h
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kam-choices.h"
#include "kam-items-view.h"

G_BEGIN_DECLS

/* The lists' parts, for their files: kam-items-view.c (the list and its
 * cells) and kam-items-edit.c (adding and deleting). */
typedef enum
{
  CELL_KEY,     /* read-only: a code or id */
  CELL_TEXT,
  CELL_ENUM,
  CELL_COUNTRY, /* a reference, chosen from a list */
  CELL_SOURCE,
  CELL_COUNT,   /* read-only: a number */
} CellKind;

typedef struct
{
  const char *property;
  const char *title;
  CellKind kind;
  int width;    /* -1: expands */
} Column;

struct _KamItemsView
{
  GtkWidget parent_instance;

  KamItemsKind kind;
  const Column *columns;
  KamDataset *dataset;
  KamDimension *dimension; /* the members' list */
  KamChoices countries, sources;
  GHashTable *choice_cells; /* the country and source cells that exist now */

  /* template children */
  GtkSingleSelection *selection;
  GtkColumnView *view;
  GtkWidget *scroller, *add_button, *delete_button;
};

void _kam_items_view_add_item (GtkWidget *widget, const char *action, GVariant *param);
void _kam_items_view_delete_item (GtkWidget *widget, const char *action, GVariant *param);

G_END_DECLS
