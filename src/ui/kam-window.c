/* kam-window.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One window shows one dataset. Nothing typed may be lost: edits are undoable,
 * unsaved work is autosaved as a draft a few seconds after the last edit, and
 * closing with unsaved changes asks first. This file: the window, its
 * document and its actions; opening, saving and closing are in
 * kam-window-files.c, exports in kam-window-export.c, the KAMLANG_PROBE
 * timings in kam-window-probe.c. The pages take the document's dataset by
 * binding (kam-window.ui). */

#include <glib/gi18n.h>
#include "kam-config.h"
#include "kam-application.h"
#include "kam-dataset-json.h"
#include "kam-document.h"
#include "kam-drafts.h"
#include "kam-charts-page.h"
#include "kam-breakdowns-page.h"
#include "kam-entry-page.h"
#include "kam-checks-page.h"
#include "kam-items-view.h"
#include "kam-lazy-page.h"
#include "kam-number.h"
#include "kam-ui-util.h"
#include "kam-window-private.h"


G_DEFINE_FINAL_TYPE (KamWindow, kam_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void history_changed (KamWindow *self);

/* ---- documents ------------------------------------------------------------ */

KamDocument *
kam_window_get_document (KamWindow *self)
{
  return self->document;
}

KamDataset *
kam_window_get_dataset (KamWindow *self)
{
  return kam_document_get_dataset (self->document);
}

GFile *
kam_window_get_file (KamWindow *self)
{
  return kam_document_get_file (self->document);
}

KamFiguresView *
kam_window_get_figures_view (KamWindow *self)
{
  return KAM_FIGURES_VIEW (kam_lazy_page_get_page (self->figures_slot));
}

AdwViewStack *
kam_window_get_stack (KamWindow *self)
{
  return self->stack;
}

const char *
kam_window_get_draft_id (KamWindow *self)
{
  return kam_document_get_draft_id (self->document);
}

void
kam_window_set_draft_delay (KamWindow *self, guint delay_ms)
{
  self->draft_delay = delay_ms;
  kam_document_set_draft_delay (self->document, delay_ms);
}

void
_kam_window_toast (KamWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

void
_kam_window_remember_file (KamWindow *self, GFile *file)
{
  if (self->session != NULL)
    kam_session_remember_file (self->session, file);
}

static void
draft_failed (KamWindow *self, const char *message)
{
  _kam_window_toast (self, message);
}

/* Another program wrote the file: say so once; a save asks before it
 * overwrites their changes. */
static void
changed_on_disk (KamWindow *self)
{
  g_autofree char *text = NULL;

  if (!kam_document_get_changed_on_disk (self->document))
    return;
  text = g_strdup_printf (_("“%s” was changed by another program"),
                          kam_document_get_display_name (self->document));
  _kam_window_toast (self, text);
}

/* The window's title: a mark for unsaved changes, then the file name. */
static char *
subtitle_of (gpointer unused, KamDataset *dataset, const char *title, const char *title_km)
{
  return dataset != NULL ? g_strdup (kam_dataset_get_title_label (dataset)) : NULL;
}

static char *
title_of (gpointer unused, const char *name, gboolean modified)
{
  /* Translators: the window title: a mark for unsaved changes, then the file name */
  return modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
}

static void
bind_title (KamWindow *self)
{
  GtkExpression *document = gtk_property_expression_new (KAM_TYPE_WINDOW, NULL, "document");
  GtkExpression *params[2] = {
    gtk_property_expression_new (KAM_TYPE_DOCUMENT, gtk_expression_ref (document), "display-name"),
    gtk_property_expression_new (KAM_TYPE_DOCUMENT, gtk_expression_ref (document), "modified"),
  };
  GtkExpression *title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                      G_CALLBACK (title_of), NULL, NULL);
  GtkExpression *dataset = gtk_property_expression_new (KAM_TYPE_DOCUMENT, document, "dataset");
  GtkExpression *names[3] = {
    gtk_expression_ref (dataset),
    gtk_property_expression_new (KAM_TYPE_DATASET, gtk_expression_ref (dataset), "title"),
    gtk_property_expression_new (KAM_TYPE_DATASET, dataset, "title-km"),
  };
  /* the dataset's title in the language of the window */
  GtkExpression *subtitle = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 3, names,
                                                         G_CALLBACK (subtitle_of), NULL, NULL);

  gtk_expression_bind (gtk_expression_ref (title), self->title, "title", self);
  gtk_expression_bind (title, self, "title", self);
  gtk_expression_bind (subtitle, self->title, "subtitle", self);
}

void
_kam_window_set_document (KamWindow *self, KamDocument *document)
{
  KamDataset *dataset = kam_document_get_dataset (document);

  self->upgrade_confirmed = FALSE;
  self->initial = FALSE;
  if (self->shared != NULL && kam_shared_get_dataset (self->shared) != dataset)
    _kam_window_forget_shared (self);
  if (self->document != NULL)
    kam_document_discard_draft (self->document);
  g_set_object (&self->document, document);
  kam_document_set_draft_delay (document, self->draft_delay);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals, kam_dataset_get_history (dataset));
  /* the pages follow, through their bindings */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  kam_probe ("document set");
  history_changed (self);
}

void
kam_window_set_document (KamWindow *self, KamDataset *dataset, GFile *file)
{
  g_autoptr (KamDocument) document = NULL;

  g_return_if_fail (KAM_IS_WINDOW (self));
  g_return_if_fail (KAM_IS_DATASET (dataset));
  document = kam_document_new (dataset, file);
  _kam_window_set_document (self, document);
}

void
kam_window_open_bundled (KamWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) bundled = g_file_new_for_uri (KAM_BUNDLED_DATASET_URI);
  g_autoptr (KamDataset) dataset = NULL;

  /* read while GTK started, when the application knew it would be asked for */
  if (!kam_document_take_read_ahead (bundled, &dataset, &error))
    dataset = kam_dataset_load_bundled (&error);
  kam_probe ("bundled dataset read");
  if (dataset == NULL)
    {
      g_critical ("The bundled dataset does not load: %s", error->message);
      return;
    }
  kam_dataset_mark_saved (dataset);
  kam_window_set_document (self, dataset, NULL);
}






/* ---- actions ---------------------------------------------------------------- */


/* The keyboard shortcuts, made when first asked for (GtkApplication would
 * make them with every window, before its first frame). */
static void
show_shortcuts_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/kamlang/Kamlang/ui/kam-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_destroy_with_parent (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

/* After Undo or Redo on the Figures page: the keyboard on the cell it
 * changed, never in an unrelated one. */
static void
focus_stepped (KamWindow *self)
{
  KamFigureField field;
  guint id = kam_dataset_get_stepped_figure (kam_document_get_dataset (self->document), &field);

  if (id != G_MAXUINT && g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "figures") == 0)
    kam_figures_view_focus_cell (kam_window_get_figures_view (self), id, field);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  if (kam_dataset_undo (kam_document_get_dataset (self->document)))
    focus_stepped (self);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  if (kam_dataset_redo (kam_document_get_dataset (self->document)))
    focus_stepped (self);
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  adw_view_stack_set_visible_child_name (KAM_WINDOW (widget)->stack, g_variant_get_string (param, NULL));
}


/* Enter Table's Chart This Table: the table's figures on the Charts page, by
 * destination, split by its columns' breakdown, of its indicator, year and
 * source. */
static void
chart_entry_table_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);
  KamEntryTable *table = kam_entry_page_get_table (KAM_ENTRY_PAGE (kam_lazy_page_get_page (self->entry_slot)));
  KamChart *chart = kam_charts_page_get_chart (self->charts);
  KamDataset *dataset = kam_entry_table_get_dataset (table);
  int columns = kam_entry_table_get_column_axis (table);

  kam_chart_set_kind (chart, KAM_CHART_DESTINATIONS);
  kam_chart_set_indicator (chart, kam_entry_table_get_indicator (table));
  kam_chart_set_source (chart, kam_entry_table_get_source (table));
  kam_chart_set_year (chart, kam_entry_table_get_first_year (table));
  kam_chart_set_split (chart, columns >= 0 && (guint) columns < kam_dataset_get_n_dimensions (dataset)
                                ? kam_dimension_get_id (kam_dataset_get_dimension (dataset, columns))
                                : NULL);
  adw_view_stack_set_visible_child_name (self->stack, "charts");
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KamWindow *self = KAM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "figures");
  gtk_widget_grab_focus (GTK_WIDGET (kam_figures_view_get_search_entry (kam_window_get_figures_view (self))));
}





static gboolean
kam_window_close_request (GtkWindow *window)
{
  /* unsaved changes: asked first (kam-window-files.c) */
  if (_kam_window_ask_before_closing (KAM_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (kam_window_parent_class)->close_request (window);
}

/* ---- construction ------------------------------------------------------- */

static void
kam_window_dispose (GObject *object)
{
  KamWindow *self = KAM_WINDOW (object);

  g_clear_handle_id (&self->probe_tick, g_source_remove);
  _kam_window_stop_loading (self);
  _kam_window_forget_shared (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (kam_window_parent_class)->dispose (object);
}

static void
kam_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamWindow *self = KAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamWindow *self = KAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* construct-only */
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        g_menu_insert_submenu (self->files_section, 2, _("Open _Recent"),
                               kam_session_get_recent_menu (self->session));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A finding on the Checks page: show its figure. */
static void
check_figure_activated (KamWindow *self, guint id)
{
  kam_figures_view_select_ids (kam_window_get_figures_view (self), &id, 1);
  adw_view_stack_set_visible_child_name (self->stack, "figures");
}

static void
kam_window_class_init (KamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kam_window_dispose;
  object_class->get_property = kam_window_get_property;
  object_class->set_property = kam_window_set_property;
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, KAM_TYPE_DOCUMENT,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                     | G_PARAM_EXPLICIT_NOTIFY);
  /* where the files it opens are remembered; none for a window on its own */
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, KAM_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = kam_window_close_request;
  _kam_window_install_file_actions (widget_class);

  g_type_ensure (KAM_TYPE_DOCUMENT);
  g_type_ensure (KAM_TYPE_CHARTS_PAGE);
  g_type_ensure (KAM_TYPE_CHECKS_PAGE);
  g_type_ensure (KAM_TYPE_LAZY_PAGE);
  g_type_ensure (KAM_TYPE_FIGURES_VIEW);
  g_type_ensure (KAM_TYPE_ITEMS_VIEW);
  g_type_ensure (KAM_TYPE_BREAKDOWNS_PAGE);
  g_type_ensure (KAM_TYPE_ENTRY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KamWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, charts);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, figures_slot);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, entry_slot);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, checks);
  gtk_widget_class_bind_template_callback (widget_class, check_figure_activated);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, files_section);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KamWindow, shared_status);
  _kam_window_install_shared_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.chart-entry-table", NULL, chart_entry_table_action);
  _kam_window_install_export_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.page", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.page", "s", "figures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.page", "s", "countries");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.page", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.page", "s", "agreements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.page", "s", "breakdowns");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.page", "s", "checks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "win.page", "s", "entry");
}

static void
history_changed (KamWindow *self)
{
  KamHistory *history = kam_dataset_get_history (kam_document_get_dataset (self->document));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kam_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", kam_history_get_can_redo (history));
}

/* A click on a bar selects its figures on the Figures page. */
static void
chart_figures_activated (KamWindow *self, const guint *ids, guint n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure selected on the Figures page",
                                                        "%u figures selected on the Figures page", n), n);
  AdwToast *toast = adw_toast_new (text);

  kam_figures_view_select_ids (kam_window_get_figures_view (self), ids, n);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("figures"));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

KamChartsPage *
kam_window_get_charts_page (KamWindow *self)
{
  kam_charts_page_bring_up_to_date (self->charts);
  return self->charts;
}


/* The main menu is made when it first opens, not with every window before its
 * first frame (some 3 ms). */
static void
make_primary_menu (GtkMenuButton *button, gpointer data)
{
  KamWindow *self = data;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  /* else a screen reader hears "GtkPopoverMenu" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
}


/* The numerals preference changed, here or in another window: every number
 * shown is written again. */
static void
numerals_changed (KamWindow *self)
{
  GtkWidget *figures = kam_lazy_page_peek_page (self->figures_slot);

  kam_number_set_khmer_digits (g_settings_get_boolean (self->settings, "khmer-numerals"));
  kam_chart_refresh (kam_charts_page_get_chart (self->charts));
  if (figures != NULL)
    kam_figures_view_refresh_numbers (KAM_FIGURES_VIEW (figures));
  kam_checks_page_recheck (self->checks);
}

static void
kam_window_init (KamWindow *self)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  kam_probe ("window init");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.figure-history", FALSE);
  if (g_getenv ("KAMLANG_PROBE") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (_kam_window_probe_realized), NULL);
  /* our icons, also when the window is made without the application */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/kamlang/Kamlang/icons");
  self->draft_delay = KAM_DRAFT_DELAY_MS;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, make_primary_menu, self, NULL);
#if KAM_DEVELOPMENT
  /* libadwaita's striped header bar: this is not the stable Kamlang */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, KAM_SCHEMA_ID, TRUE)) != NULL)
    self->settings = g_settings_new (KAM_SCHEMA_ID);
  g_signal_connect_swapped (kam_charts_page_get_view (self->charts), "figures-activated",
                            G_CALLBACK (chart_figures_activated), self);

  /* the window follows its document */
  self->document_signals = g_signal_group_new (KAM_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "draft-failed", G_CALLBACK (draft_failed), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::changed-on-disk",
                                  G_CALLBACK (changed_on_disk), self);
  self->history_signals = g_signal_group_new (KAM_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo", G_CALLBACK (history_changed),
                                  self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo", G_CALLBACK (history_changed),
                                  self);
  bind_title (self);

  _kam_window_accept_dropped_files (self);

  if (self->settings != NULL)
    {
      kam_number_set_khmer_digits (g_settings_get_boolean (self->settings, "khmer-numerals"));
      g_signal_connect_swapped (self->settings, "changed::khmer-numerals", G_CALLBACK (numerals_changed), self);
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1200, 760);

  {
    g_autoptr (KamDataset) empty = kam_dataset_new ();
    kam_window_set_document (self, empty, NULL);
  }
  self->initial = TRUE;
}

/**
 * kam_window_get_session:
 *
 * Returns: (transfer none) (nullable): the session the window tells which files it opened
 */
KamSession *
kam_window_get_session (KamWindow *self)
{
  g_return_val_if_fail (KAM_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * kam_window_new_beside:
 *
 * Returns: (transfer none): a new window of the same application and session
 */
KamWindow *
kam_window_new_beside (KamWindow *self)
{
  g_return_val_if_fail (KAM_IS_WINDOW (self), NULL);
  return g_object_new (KAM_TYPE_WINDOW, "application", gtk_window_get_application (GTK_WINDOW (self)), "session",
                       self->session, NULL);
}

KamWindow *
kam_window_new (GtkApplication *application)
{
  KamSession *session = KAM_IS_APPLICATION (application)
                          ? kam_application_get_session (KAM_APPLICATION (application)) : NULL;

  return g_object_new (KAM_TYPE_WINDOW, "application", application, "session", session, NULL);
}
