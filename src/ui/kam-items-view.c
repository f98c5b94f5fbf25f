/* kam-items-view.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An editable list of countries, sources or agreements. The columns are
 * described by a table; cells edit the items' properties through the dataset,
 * so every edit can be undone. */

#include <glib/gi18n.h>
#include <string.h>
#include "kam-cell-factory.h"
#include "kam-country-chooser.h"
#include "kam-items-view-private.h"
#include "kam-iso-countries.h"
#include "kam-choice-cell.h"
#include "kam-text-cell.h"
#include "kam-ui-util.h"
#include "kam-cell-nav.h"
#include "kam-dataset.h"
#include "kam-choices.h"


static const Column country_columns[] = {
  { "code", N_("Code"), CELL_KEY, 80 },
  { "name", N_("Name"), CELL_TEXT, 220 },
  { "name-km", N_("Name in Khmer"), CELL_TEXT, 220 },
  { "region", N_("Region"), CELL_TEXT, -1 },
  { NULL }
};

static const Column source_columns[] = {
  { "id", N_("Id"), CELL_TEXT, 130 }, /* its figures and agreements follow */
  { "title", N_("Title"), CELL_TEXT, 320 },
  { "publisher", N_("Publisher"), CELL_TEXT, 180 },
  { "date", N_("Date"), CELL_TEXT, 110 },
  { "url", N_("Address"), CELL_TEXT, 160 },
  { "note", N_("Note"), CELL_TEXT, -1 },
  { NULL }
};

static const Column agreement_columns[] = {
  { "country", N_("Country"), CELL_COUNTRY, 170 },
  { "title", N_("Title"), CELL_TEXT, 320 },
  { "kind", N_("Kind"), CELL_ENUM, 120 },
  { "signed", N_("Signed"), CELL_TEXT, 100 },
  { "status", N_("Status"), CELL_ENUM, 110 },
  { "source", N_("Source"), CELL_SOURCE, 200 },
  { "note", N_("Note"), CELL_TEXT, -1 },
  { NULL }
};

static const Column dimension_columns[] = {
  { "id", N_("Id"), CELL_KEY, 100 },
  { "name", N_("Name"), CELL_TEXT, 170 },
  { "name-km", N_("Name in Khmer"), CELL_TEXT, 170 },
  { "n-members", N_("Members"), CELL_COUNT, -1 },
  { NULL }
};

static const Column member_columns[] = {
  { "code", N_("Code"), CELL_KEY, 110 },
  { "name", N_("Name"), CELL_TEXT, 200 },
  { "name-km", N_("Name in Khmer"), CELL_TEXT, -1 },
  { NULL }
};

/* Labels for the enums' values, in their order. */
static const char *const agreement_status_labels[] = { N_("Planned"), N_("Signed"), N_("In force"),
                                                        N_("Ended"), NULL };

/* The labels of an enum column's values, translated, in their order. */
static GtkStringList *
enum_labels (const char *property)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (g_str_equal (property, "kind"))
    for (guint i = KAM_AGREEMENT_KIND_MOU; i <= KAM_AGREEMENT_KIND_AGREEMENT; i++)
      gtk_string_list_append (list, kam_agreement_kind_get_label (i));
  else
    for (guint i = 0; agreement_status_labels[i] != NULL; i++)
      gtk_string_list_append (list, _(agreement_status_labels[i]));
  return list;
}


G_DEFINE_FINAL_TYPE (KamItemsView, kam_items_view, GTK_TYPE_WIDGET)

static KamChoices *
choices_for (KamItemsView *self, CellKind kind)
{
  return kind == CELL_COUNTRY ? &self->countries : &self->sources;
}

/* A cell's column: its field is the column's position. */
static const Column *
column_of (KamItemsView *self, GtkWidget *cell)
{
  return &self->columns[kam_cell_get_field (cell)];
}

static void
refresh_cell (KamItemsView *self, GtkWidget *cell)
{
  GObject *item = kam_cell_get_item (cell);
  const Column *column = column_of (self, cell);

  /* a choice set to the item's own value changes nothing (choice_changed) */
  if (item == NULL)
    return;
  if (column->kind == CELL_ENUM)
    {
      int value;
      g_object_get (item, column->property, &value, NULL);
      kam_choice_cell_set_selected (KAM_CHOICE_CELL (cell), value);
    }
  else
    {
      g_autofree char *text = NULL;

      g_object_get (item, column->property, &text, NULL);
      if (column->kind == CELL_COUNTRY || column->kind == CELL_SOURCE)
        kam_choice_cell_set_selected (KAM_CHOICE_CELL (cell),
                                      kam_choices_find (choices_for (self, column->kind), text));
      else
        kam_text_cell_set_text (cell, text ? text : "");
    }
}

static void
commit (KamItemsView *self, GtkWidget *cell_, const GValue *value)
{
  g_autoptr (GtkWidget) cell = g_object_ref (cell_);
  g_autoptr (GObject) item = g_object_ref (kam_cell_get_item (cell));
  const Column *column = column_of (self, cell);
  g_autoptr (GError) error = NULL;

  kam_dataset_set_item_property (self->dataset, item, column->property, value, &error);
  /* a renamed source is another item: the cell has left it */
  if (kam_cell_get_item (cell) != item)
    return;
  if (KAM_IS_TEXT_CELL (cell))
    {
      g_autofree char *text = NULL;
      g_object_get (item, column->property, &text, NULL);
      kam_text_cell_reset (cell, text ? text : "");
    }
  else
    refresh_cell (self, cell);
  if (error != NULL)
    kam_show_error_at (cell, error->message);
}

static void
text_commit (GtkWidget *cell, gpointer data)
{
  KamItemsView *self = data;
  g_auto (GValue) value = G_VALUE_INIT;

  if (kam_cell_get_item (cell) == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (cell)));
  commit (self, cell, &value);
}

static void
choice_changed (GtkWidget *cell, GParamSpec *pspec, KamItemsView *self)
{
  const Column *column = column_of (self, cell);
  GObject *item = kam_cell_get_item (cell);
  guint selected = kam_choice_cell_get_selected (KAM_CHOICE_CELL (cell));
  g_auto (GValue) value = G_VALUE_INIT;

  if (item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (column->kind == CELL_ENUM)
    {
      GParamSpec *spec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), column->property);
      int now;

      g_object_get (item, column->property, &now, NULL);
      if ((guint) now == selected)
        return; /* the cell shows the item's value */
      g_value_init (&value, spec->value_type);
      g_value_set_enum (&value, selected);
    }
  else
    {
      g_autofree char *now = NULL;
      const char *key = kam_choices_get_key (choices_for (self, column->kind), selected);

      g_object_get (item, column->property, &now, NULL);
      if (g_strcmp0 (now, key) == 0)
        return;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, key);
    }
  commit (self, cell, &value);
}

static void
choice_cell_destroyed (KamItemsView *self, GObject *where_the_object_was)
{
  g_hash_table_remove (self->choice_cells, where_the_object_was);
}

/* The factory of the column at this position. */
typedef struct
{
  KamItemsView *self;
  guint position;
} ColumnCells;

/* A cell of the column (kam-cell-factory.c). */
static GtkWidget *
make_cell (gpointer data)
{
  ColumnCells *cells = data;
  KamItemsView *self = cells->self;
  const Column *column = &self->columns[cells->position];
  GtkWidget *cell;

  switch (column->kind)
    {
    case CELL_TEXT:
      cell = kam_text_cell_new (text_commit, NULL, self);
      kam_text_cell_set_label (cell, _(column->title));
      break;
    case CELL_ENUM:
      {
        g_autoptr (GtkStringList) list = enum_labels (column->property);

        cell = kam_choice_cell_new (G_LIST_MODEL (list));
        break;
      }
    default:
      cell = kam_choice_cell_new (G_LIST_MODEL (choices_for (self, column->kind)->labels));
      kam_choice_cell_set_details (KAM_CHOICE_CELL (cell), G_LIST_MODEL (choices_for (self, column->kind)->details));
      g_hash_table_add (self->choice_cells, cell);
      g_object_weak_ref (G_OBJECT (cell), (GWeakNotify) choice_cell_destroyed, self);
    }
  if (KAM_IS_CHOICE_CELL (cell))
    {
      /* the button's name is its choice ("Japan"); the column says what it is */
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _(column->title), -1);
      g_signal_connect (cell, "notify::selected", G_CALLBACK (choice_changed), self);
    }
  kam_cell_set_field (cell, cells->position, 0);
  return cell;
}

/* The cell shows its item's property (when bound, and when it changes). */
static void
show_item (GtkWidget *cell, gpointer data)
{
  ColumnCells *cells = data;

  refresh_cell (cells->self, cell);
}

static void
update_choices (KamItemsView *self)
{
  gboolean changed;
  GHashTableIter iter;
  gpointer cell;

  if (self->kind != KAM_ITEMS_AGREEMENTS || self->dataset == NULL)
    return;
  changed = kam_choices_update (&self->countries, self->dataset, KAM_CHOICES_COUNTRIES,
                                _("No country"), NULL, NULL);
  changed |= kam_choices_update (&self->sources, self->dataset, KAM_CHOICES_SOURCES,
                                 _("No source"), NULL, NULL);
  /* a choice cell keeps its position when its list changes: the item's
   * choice may now be at another */
  g_hash_table_iter_init (&iter, self->choice_cells);
  while (changed && g_hash_table_iter_next (&iter, &cell, NULL))
    refresh_cell (self, cell);
}

/* ---- public ----------------------------------------------------------- */

void
kam_items_view_set_dataset (KamItemsView *self, KamDataset *dataset)
{
  GListModel *list;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  switch (self->kind)
    {
    case KAM_ITEMS_COUNTRIES:
      list = kam_dataset_get_countries (dataset);
      break;
    case KAM_ITEMS_SOURCES:
      list = kam_dataset_get_sources (dataset);
      break;
    case KAM_ITEMS_AGREEMENTS:
      list = kam_dataset_get_agreements (dataset);
      break;
    case KAM_ITEMS_DIMENSIONS:
      list = kam_dataset_get_dimensions (dataset);
      break;
    default:
      /* the members of the breakdown chosen: "dimension" */
      list = self->dimension != NULL ? G_LIST_MODEL (self->dimension) : NULL;
    }
  g_signal_connect_swapped (dataset, "changed", G_CALLBACK (update_choices), self);
  update_choices (self);
  gtk_single_selection_set_model (self->selection, list);
}

/**
 * kam_items_view_set_dimension:
 *
 * Shows the members of this breakdown (a members list only).
 */
void
kam_items_view_set_dimension (KamItemsView *self, KamDimension *dimension)
{
  g_return_if_fail (KAM_IS_ITEMS_VIEW (self));
  if (!g_set_object (&self->dimension, dimension))
    return;
  if (self->kind == KAM_ITEMS_MEMBERS)
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (dimension));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add",
                                 self->kind != KAM_ITEMS_MEMBERS || dimension != NULL);
  g_object_notify (G_OBJECT (self), "dimension");
}

KamDimension *
kam_items_view_get_dimension (KamItemsView *self)
{
  g_return_val_if_fail (KAM_IS_ITEMS_VIEW (self), NULL);
  return self->dimension;
}

GtkSelectionModel *
kam_items_view_get_selection (KamItemsView *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

enum
{
  PROP_0,
  PROP_KIND,
  PROP_DIMENSION,
  PROP_SELECTED_ITEM,
  PROP_DATASET,
};

static void
selected_item_changed (KamItemsView *self)
{
  g_object_notify (G_OBJECT (self), "selected-item");
}

static void kam_items_view_constructed (GObject *object);
static void kam_items_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                         GParamSpec *pspec);
static void kam_items_view_get_property (GObject *object, guint prop_id, GValue *value,
                                         GParamSpec *pspec);

static void
kam_items_view_dispose (GObject *object)
{
  KamItemsView *self = KAM_ITEMS_VIEW (object);

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_ITEMS_VIEW);
  g_clear_object (&self->dataset);
  g_clear_object (&self->dimension);
  G_OBJECT_CLASS (kam_items_view_parent_class)->dispose (object);
}

static void
kam_items_view_finalize (GObject *object)
{
  KamItemsView *self = KAM_ITEMS_VIEW (object);

  kam_choices_clear (&self->countries);
  kam_choices_clear (&self->sources);
  g_hash_table_unref (self->choice_cells);
  G_OBJECT_CLASS (kam_items_view_parent_class)->finalize (object);
}

static void
kam_items_view_class_init (KamItemsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kam_items_view_constructed;
  object_class->set_property = kam_items_view_set_property;
  object_class->get_property = kam_items_view_get_property;
  object_class->dispose = kam_items_view_dispose;
  /* which list: 0 countries, 1 sources, 2 agreements, 3 breakdowns, 4 members (KamItemsKind) */
  g_object_class_install_property (
    object_class, PROP_KIND,
    g_param_spec_uint ("kind", NULL, NULL, 0, KAM_ITEMS_MEMBERS, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* the breakdown whose members a members list shows */
  g_object_class_install_property (
    object_class, PROP_DIMENSION,
    g_param_spec_object ("dimension", NULL, NULL, KAM_TYPE_DIMENSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the items' dataset (bound to the window's document) */
  g_object_class_install_property (
    object_class, PROP_DATASET,
    g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* the row chosen, or NULL */
  g_object_class_install_property (
    object_class, PROP_SELECTED_ITEM,
    g_param_spec_object ("selected-item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  object_class->finalize = kam_items_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "items.add", NULL, _kam_items_view_add_item);
  gtk_widget_class_install_action (widget_class, "items.delete", NULL, _kam_items_view_delete_item);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "items.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "items.add", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-items-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KamItemsView, selection);
  gtk_widget_class_bind_template_child (widget_class, KamItemsView, view);
  gtk_widget_class_bind_template_child (widget_class, KamItemsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KamItemsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, KamItemsView, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed);
}

static void
kam_items_view_init (KamItemsView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->choice_cells = g_hash_table_new (NULL, NULL);
  kam_choices_init (&self->countries);
  kam_choices_init (&self->sources);
  gtk_widget_init_template (GTK_WIDGET (self));
  kam_label_inner_controls (GTK_WIDGET (self));
  kam_list_tab_leaves (self->scroller);
  kam_cell_nav_attach (self->view);
}

/* A read-only cell: a label bound to the item's property (a code, an id, a
 * count), made by a GtkBuilderListItemFactory from this template. */
static GtkListItemFactory *
label_factory (const char *item_type, const Column *column)
{
  g_autofree char *ui = g_markup_printf_escaped (
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"ellipsize\">end</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup>"
    "</lookup></binding><style><class name=\"%s\"/></style></object>"
    "</property></template></interface>",
    column->property, item_type, column->kind == CELL_COUNT ? "numeric" : "monospace");
  gsize length = strlen (ui);
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&ui), length);

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static void
kam_items_view_constructed (GObject *object)
{
  KamItemsView *self = KAM_ITEMS_VIEW (object);
  KamItemsKind kind = self->kind;
  static const char *const names[] = { N_("Countries"), N_("Sources"), N_("Agreements"), N_("Breakdowns"),
                                       N_("Members") };
  static const char *const add_tips[] = { N_("Add a country (Ctrl+Insert)"),
                                          N_("Add a source (Ctrl+Insert)"),
                                          N_("Add an agreement (Ctrl+Insert)"),
                                          N_("Add a breakdown (Ctrl+Insert)"),
                                          N_("Add a member (Ctrl+Insert)") };
  static const Column *const columns[] = { country_columns, source_columns, agreement_columns,
                                           dimension_columns, member_columns };

  static const char *const item_types[] = { "KamCountry", "KamSource", "KamAgreement", "KamDimension",
                                            "KamMember" };

  G_OBJECT_CLASS (kam_items_view_parent_class)->constructed (object);
  self->columns = columns[kind];
  /* the breakdowns list always has one chosen: its members are beside it */
  gtk_single_selection_set_autoselect (self->selection, kind == KAM_ITEMS_DIMENSIONS);
  gtk_single_selection_set_can_unselect (self->selection, kind != KAM_ITEMS_DIMENSIONS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(names[kind]), -1);
  for (const Column *c = self->columns; c->property != NULL; c++)
    {
      g_autoptr (GtkListItemFactory) factory = NULL;
      g_autoptr (GtkColumnViewColumn) column = NULL;

      if (c->kind == CELL_KEY || c->kind == CELL_COUNT)
        factory = label_factory (item_types[kind], c);
      else
        {
          ColumnCells *cells = g_new (ColumnCells, 1);

          cells->self = self;
          cells->position = c - self->columns;
          factory = kam_cell_factory_new (KAM_TYPE_ITEMS_VIEW, c->property, make_cell, show_item, cells, g_free);
        }
      column = gtk_column_view_column_new (_(c->title), g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c->width > 0)
        {
          /* wide enough for its title and, for a choice, its longest
           * choice, in the language shown (Khmer words are longer) */
          const char *title[] = { _(c->title), NULL };
          int width = MAX (c->width, kam_widest_text (GTK_WIDGET (self->view), title) + 28);

          if (c->kind == CELL_ENUM)
            {
              g_autoptr (GtkStringList) labels = enum_labels (c->property);
              g_autoptr (GPtrArray) texts = g_ptr_array_new ();

              for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (labels)); i++)
                g_ptr_array_add (texts, (gpointer) gtk_string_list_get_string (labels, i));
              g_ptr_array_add (texts, NULL);
              width = MAX (width, kam_widest_text (GTK_WIDGET (self->view), (const char *const *) texts->pdata) + 40);
            }
          gtk_column_view_column_set_fixed_width (column, width);
        }
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  gtk_widget_set_tooltip_text (self->add_button, _(add_tips[kind]));
  /* breakdowns and their members stay once added (figures name members by
   * their position): Undo takes back one just added */
  if (kind == KAM_ITEMS_DIMENSIONS || kind == KAM_ITEMS_MEMBERS)
    {
      gtk_widget_set_visible (self->delete_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.delete", FALSE);
    }
  if (kind == KAM_ITEMS_MEMBERS)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add", self->dimension != NULL);
}

static void
kam_items_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamItemsView *self = KAM_ITEMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_DIMENSION:
      kam_items_view_set_dimension (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      if (g_value_get_object (value) != NULL && g_value_get_object (value) != self->dataset)
        {
          kam_items_view_set_dataset (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_items_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamItemsView *self = KAM_ITEMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_DIMENSION:
      g_value_set_object (value, self->dimension);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, gtk_single_selection_get_selected_item (self->selection));
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

GtkWidget *
kam_items_view_new (KamItemsKind kind)
{
  return g_object_new (KAM_TYPE_ITEMS_VIEW, "kind", kind, NULL);
}
