/* kam-checks-page.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include "kam-check.h"
#include "kam-checks-page.h"
#include "kam-deferred-dataset.h"
#include "kam-figure-table.h"
#include "kam-number.h"
#include "kam-ui-util.h"
#include "kam-dataset.h"

/* after the last edit, before the checks run again */
#define RECHECK_DELAY_MS 300
/* the checks run in slices this long, between frames (a million figures take
 * some two seconds) */
#define SLICE_US 8000

/* ---- one finding ------------------------------------------------------------ */

struct _KamFinding
{
  GObject parent_instance;

  KamSeverity severity;
  guint figure_id;
  char *message;
  char *figure; /* "South Korea, 2021, Workers abroad" */
};

G_DEFINE_FINAL_TYPE (KamFinding, kam_finding, G_TYPE_OBJECT)

enum
{
  FINDING_PROP_0,
  FINDING_PROP_ICON_NAME,
  FINDING_PROP_SEVERITY_LABEL,
  FINDING_PROP_MESSAGE,
  FINDING_PROP_FIGURE,
  FINDING_N_PROPS
};

static GParamSpec *finding_properties[FINDING_N_PROPS];

KamSeverity
kam_finding_get_severity (KamFinding *self)
{
  return self->severity;
}

guint
kam_finding_get_figure_id (KamFinding *self)
{
  return self->figure_id;
}

const char *
kam_finding_get_message (KamFinding *self)
{
  return self->message;
}

const char *
kam_finding_get_figure (KamFinding *self)
{
  return self->figure;
}

static void
kam_finding_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamFinding *self = KAM_FINDING (object);
  gboolean error = self->severity == KAM_SEVERITY_ERROR;

  switch (prop_id)
    {
    case FINDING_PROP_ICON_NAME:
      g_value_set_string (value, error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      break;
    case FINDING_PROP_SEVERITY_LABEL:
      g_value_set_string (value, error ? _("Error") : _("Warning"));
      break;
    case FINDING_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case FINDING_PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_finding_finalize (GObject *object)
{
  KamFinding *self = KAM_FINDING (object);

  g_free (self->message);
  g_free (self->figure);
  G_OBJECT_CLASS (kam_finding_parent_class)->finalize (object);
}

static void
kam_finding_class_init (KamFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = kam_finding_get_property;
  object_class->finalize = kam_finding_finalize;
  finding_properties[FINDING_PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, ro);
  finding_properties[FINDING_PROP_SEVERITY_LABEL] = g_param_spec_string ("severity-label", NULL, NULL, NULL, ro);
  finding_properties[FINDING_PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  finding_properties[FINDING_PROP_FIGURE] = g_param_spec_string ("figure", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, FINDING_N_PROPS, finding_properties);
}

static void
kam_finding_init (KamFinding *self)
{
}

/* ---- the findings, each made into a row when first asked for -------------- */

/* With a million figures the checks can find hundreds of thousands of things:
 * a row object and its description for each, at once, would hold the window
 * for seconds; the list view asks only for the rows it shows. */
#define KAM_TYPE_FINDING_LIST (kam_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (KamFindingList, kam_finding_list, KAM, FINDING_LIST, GObject)

struct _KamFindingList
{
  GObject parent_instance;

  KamDataset *dataset;
  GPtrArray *found; /* KamCheckFinding, errors first */
  GPtrArray *items; /* KamFinding, or NULL until asked for; by position */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KamFindingList, kam_finding_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* "South Korea, 2021, Workers abroad", and its breakdown: ", Women" */
static char *
describe_figure (KamDataset *dataset, KamFigureTable *table, guint row)
{
  KamFigureRow figure_row;
  g_autofree char *breakdown = NULL;
  g_autofree char *figure = NULL;

  kam_figure_table_get_row (table, row, &figure_row);
  breakdown = kam_dataset_dup_members_label (dataset, figure_row.members);
  /* Translators: a figure: its country, year and indicator */
  figure = g_strdup_printf (_("%s, %d, %s"),
                            kam_dataset_get_country_label (dataset, kam_figure_table_get_country (table, row)),
                            kam_figure_table_get_year (table, row),
                            kam_dataset_get_indicator_label (dataset, kam_figure_table_get_indicator (table, row)));
  return breakdown != NULL ? g_strdup_printf ("%s, %s", figure, breakdown) : g_steal_pointer (&figure);
}

static KamFinding *
make_finding (KamDataset *dataset, KamCheckFinding *f)
{
  KamFigureTable *table = kam_dataset_get_figures (dataset);
  KamFinding *item = g_object_new (KAM_TYPE_FINDING, NULL);
  int row = kam_figure_table_find_row (table, f->figure_id);
  g_autofree char *figure = row >= 0 ? kam_number_localize_take (describe_figure (dataset, table, row)) : NULL;

  item->severity = f->severity;
  item->figure_id = f->figure_id;
  item->message = kam_number_localize (kam_check_finding_get_message (f, dataset));
  /* the figure as people name it; its place in the file is for --check */
  item->figure = figure != NULL ? g_strdup (figure) : g_strdup (kam_check_finding_get_where (f));
  return item;
}

static GType
kam_finding_list_get_item_type (GListModel *model)
{
  return KAM_TYPE_FINDING;
}

static guint
kam_finding_list_get_n_items (GListModel *model)
{
  return KAM_FINDING_LIST (model)->items->len;
}

static gpointer
kam_finding_list_get_item (GListModel *model, guint position)
{
  KamFindingList *self = KAM_FINDING_LIST (model);

  if (position >= self->items->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position)
      = make_finding (self->dataset, g_ptr_array_index (self->found, position));
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kam_finding_list_get_item_type;
  iface->get_n_items = kam_finding_list_get_n_items;
  iface->get_item = kam_finding_list_get_item;
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* Whether the row of a (shown) can stay for b: the same finding, and, when
 * a's words were made for its row, the same words (a name may have changed). */
static gboolean
same_finding (KamDataset *dataset, KamCheckFinding *a, KamCheckFinding *b)
{
  if (!kam_check_finding_equal (a, b))
    return FALSE;
  return a->message == NULL || g_str_equal (a->message, kam_check_finding_get_message (b, dataset));
}

/* Shows these findings (transfer full; NULL: none) of this dataset. Only what
 * differs from the findings shown is told as changed (after an edit, mostly a
 * row or two): the rows of the rest stay as they are. */
static void
kam_finding_list_set (KamFindingList *self, KamDataset *dataset, GPtrArray *found)
{
  GPtrArray *old = self->found, *old_items = self->items;
  guint old_n = old_items->len, new_n = found != NULL ? found->len : 0;
  guint prefix = 0, suffix = 0;

  if (dataset == self->dataset && old != NULL && found != NULL)
    {
      while (prefix < old_n && prefix < new_n
             && same_finding (dataset, g_ptr_array_index (old, prefix), g_ptr_array_index (found, prefix)))
        prefix++;
      while (suffix < old_n - prefix && suffix < new_n - prefix
             && same_finding (dataset, g_ptr_array_index (old, old_n - 1 - suffix),
                              g_ptr_array_index (found, new_n - 1 - suffix)))
        suffix++;
    }
  self->items = g_ptr_array_new_full (new_n, unref_item);
  g_ptr_array_set_size (self->items, new_n);
  for (guint i = 0; i < prefix; i++)
    g_ptr_array_index (self->items, i) = g_steal_pointer (&g_ptr_array_index (old_items, i));
  for (guint i = 0; i < suffix; i++)
    g_ptr_array_index (self->items, new_n - 1 - i) = g_steal_pointer (&g_ptr_array_index (old_items, old_n - 1 - i));
  g_ptr_array_unref (old_items);
  g_set_object (&self->dataset, dataset);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = found;
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

static void
kam_finding_list_finalize (GObject *object)
{
  KamFindingList *self = KAM_FINDING_LIST (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (kam_finding_list_parent_class)->finalize (object);
}

static void
kam_finding_list_class_init (KamFindingListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kam_finding_list_finalize;
}

static void
kam_finding_list_init (KamFindingList *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

/* ---- the page --------------------------------------------------------------- */

struct _KamChecksPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *summary;
  GtkListView *list;
  KamFindingList *findings;
  GtkNoSelection *selection;
  KamDataset *dataset;
  guint recheck;     /* a moment after an edit */
  KamChecker *checker;
  guint check_slice; /* the next slice, when idle */
  guint n_slices;
  gint64 check_started;
  gboolean checking;
  guint n_errors;
  KamDeferredDataset given; /* the window's, until it is on screen */
};

G_DEFINE_FINAL_TYPE (KamChecksPage, kam_checks_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_FINDINGS,
  PROP_N_ERRORS,
  PROP_CHECKING,
  PROP_DATASET,
  N_PROPS
};

enum
{
  FIGURE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
errors_first (gconstpointer a, gconstpointer b)
{
  const KamCheckFinding *x = *(KamCheckFinding **) a, *y = *(KamCheckFinding **) b;

  if (x->severity != y->severity)
    return x->severity == KAM_SEVERITY_ERROR ? -1 : 1;
  return 0;
}

/* Checking from an edit until its checks are done: while a recheck waits or
 * a run is under way. */
static void
update_checking (KamChecksPage *self)
{
  gboolean checking = self->recheck != 0 || self->checker != NULL;

  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
stop_checking (KamChecksPage *self)
{
  g_clear_handle_id (&self->recheck, g_source_remove);
  g_clear_handle_id (&self->check_slice, g_source_remove);
  g_clear_pointer (&self->checker, kam_checker_free);
}

static void
show_findings (KamChecksPage *self, GPtrArray *found)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint n = found->len;
  guint errors = 0;

  /* stable: the rows' order within each severity */
  g_ptr_array_sort (found, errors_first);
  for (guint i = 0; i < n; i++)
    errors += ((KamCheckFinding *) g_ptr_array_index (found, i))->severity == KAM_SEVERITY_ERROR;
  kam_finding_list_set (self->findings, self->dataset, g_ptr_array_ref (found));
  self->n_errors = errors;

  if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else
    {
      g_autofree char *n_e = kam_number_format (errors, 0);
      g_autofree char *n_w = kam_number_format (n - errors, 0);
      /* Translators: a count of the checks' findings, e.g. "1,200 errors" */
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s error", "%s errors", errors), n_e);
      /* Translators: a count of the checks' findings, e.g. "1,200 warnings" */
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s warning", "%s warnings",
                                                         n - errors),
                                            n_w);
      /* Translators: "2 errors and 5 warnings", or either alone */
      g_autofree char *both = g_strdup_printf (_("%s and %s"), e, w);
      const char *counts = errors == 0 ? w : errors == n ? e : both;
      /* Translators: the counts of the findings, then what to do with them */
      g_autofree char *text = g_strdup_printf (_("%s. Activate one to see its figure."), counts);

      text = kam_number_localize_take (text);
      gtk_label_set_label (self->summary, text);
      gtk_stack_set_visible_child_name (self->stack, "findings");
    }
  if (before != n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
}

static void
start_checker (KamChecksPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->checker = kam_checker_new (self->dataset, g_date_time_get_year (now));
  self->n_slices = 0;
  self->check_started = g_get_monotonic_time ();
}

static void
finish_checking (KamChecksPage *self)
{
  g_autoptr (GPtrArray) found = kam_checker_take_findings (self->checker);
  g_autofree char *text = g_strdup_printf ("checks done: %.1f ms in %u slices, %u findings",
                                           (g_get_monotonic_time () - self->check_started) / 1000.0,
                                           self->n_slices, found->len);

  kam_probe (text);
  stop_checking (self);
  show_findings (self, found);
  update_checking (self);
}

/* One slice of the checks, between two frames. */
static gboolean
check_slice (gpointer data)
{
  KamChecksPage *self = data;

  self->n_slices++;
  if (!kam_checker_step (self->checker, g_get_monotonic_time () + SLICE_US))
    return G_SOURCE_CONTINUE;
  self->check_slice = 0;
  finish_checking (self);
  return G_SOURCE_REMOVE;
}

static gboolean
recheck_now (gpointer data)
{
  KamChecksPage *self = data;

  self->recheck = 0;
  kam_checks_page_recheck (self);
  return G_SOURCE_REMOVE;
}

/**
 * kam_checks_page_recheck:
 *
 * Starts the checks again, now; they run in slices while the window goes on
 * drawing ("checking" is TRUE until they are done, and the findings shown
 * until then stay).
 */
void
kam_checks_page_recheck (KamChecksPage *self)
{
  g_return_if_fail (KAM_IS_CHECKS_PAGE (self));
  stop_checking (self);
  if (self->dataset != NULL)
    {
      start_checker (self);
      /* the frame clock's priority: a slice and a frame take turns (a lower
       * one would never run while something animates on a slow renderer) */
      self->check_slice = g_idle_add_full (GDK_PRIORITY_REDRAW, check_slice, self, NULL);
    }
  update_checking (self);
}

/**
 * kam_checks_page_update:
 *
 * Runs the checks to the end, now (a run under way is finished at once).
 */
void
kam_checks_page_update (KamChecksPage *self)
{
  g_return_if_fail (KAM_IS_CHECKS_PAGE (self));
  if (self->dataset == NULL)
    return;
  if (self->checker == NULL)
    start_checker (self);
  self->n_slices++;
  kam_checker_step (self->checker, G_MAXINT64);
  finish_checking (self);
}

static void
dataset_changed (KamChecksPage *self)
{
  stop_checking (self);
  self->recheck = g_timeout_add (RECHECK_DELAY_MS, recheck_now, self);
  update_checking (self);
}

/* The checks of a new dataset run a moment after it is shown, not before its
 * first frame, in slices (at 10^5 figures they take about 0.1 s, at 10^6
 * about 2 s); until they are done the page says it is checking. */
void
kam_checks_page_set_dataset (KamChecksPage *self, KamDataset *dataset)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  g_return_if_fail (KAM_IS_CHECKS_PAGE (self));

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  stop_checking (self);
  update_checking (self);
  kam_finding_list_set (self->findings, NULL, NULL);
  self->n_errors = 0;
  gtk_stack_set_visible_child_name (self->stack, dataset != NULL ? "checking" : "none");
  if (before > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (dataset != NULL)
    {
      g_signal_connect_swapped (dataset, "changed", G_CALLBACK (dataset_changed), self);
      dataset_changed (self);
    }
}

guint
kam_checks_page_get_n_findings (KamChecksPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

gboolean
kam_checks_page_get_checking (KamChecksPage *self)
{
  g_return_val_if_fail (KAM_IS_CHECKS_PAGE (self), FALSE);
  return self->checking;
}

guint
kam_checks_page_get_n_errors (KamChecksPage *self)
{
  return self->n_errors;
}

GListModel *
kam_checks_page_get_findings (KamChecksPage *self)
{
  return G_LIST_MODEL (self->findings);
}

static void
finding_activated (KamChecksPage *self, guint position)
{
  g_autoptr (KamFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);

  if (finding != NULL)
    g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, finding->figure_id);
}

static void
kam_checks_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KamChecksPage *self = KAM_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_FINDINGS:
      g_value_set_uint (value, kam_checks_page_get_n_findings (self));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apply_dataset (GtkWidget *page, KamDataset *dataset)
{
  kam_checks_page_set_dataset (KAM_CHECKS_PAGE (page), dataset);
}

static void
kam_checks_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KamChecksPage *self = KAM_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      /* the tab's count is shown with the window, whichever page is */
      kam_deferred_dataset_set (&self->given, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kam_checks_page_dispose (GObject *object)
{
  KamChecksPage *self = KAM_CHECKS_PAGE (object);

  stop_checking (self);
  kam_deferred_dataset_clear (&self->given);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), KAM_TYPE_CHECKS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->findings);
  G_OBJECT_CLASS (kam_checks_page_parent_class)->dispose (object);
}

/* The list follows its findings only while it is shown: a list view told of
 * 100,000 new rows takes some 80 ms even when it is not on screen. */
static void
kam_checks_page_map (GtkWidget *widget)
{
  KamChecksPage *self = KAM_CHECKS_PAGE (widget);

  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  GTK_WIDGET_CLASS (kam_checks_page_parent_class)->map (widget);
}

static void
kam_checks_page_unmap (GtkWidget *widget)
{
  KamChecksPage *self = KAM_CHECKS_PAGE (widget);

  GTK_WIDGET_CLASS (kam_checks_page_parent_class)->unmap (widget);
  gtk_list_view_set_model (self->list, NULL);
}

static void
kam_checks_page_class_init (KamChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = kam_checks_page_get_property;
  object_class->set_property = kam_checks_page_set_property;
  object_class->dispose = kam_checks_page_dispose;
  widget_class->map = kam_checks_page_map;
  widget_class->unmap = kam_checks_page_unmap;
  properties[PROP_N_FINDINGS] = g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CHECKING] = g_param_spec_boolean ("checking", NULL, NULL, FALSE, ro);
  /* the dataset checked (bound to the window's document), applied once the
   * window is on screen */
  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, KAM_TYPE_DATASET,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[FIGURE_ACTIVATED] = g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (KAM_TYPE_FINDING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kamlang/Kamlang/ui/kam-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KamChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KamChecksPage, summary);
  gtk_widget_class_bind_template_child (widget_class, KamChecksPage, list);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated);
}

static void
kam_checks_page_init (KamChecksPage *self)
{
  kam_deferred_dataset_init (&self->given, GTK_WIDGET (self), apply_dataset);
  gtk_widget_init_template (GTK_WIDGET (self));
  kam_label_inner_controls (GTK_WIDGET (self));
  self->findings = g_object_new (KAM_TYPE_FINDING_LIST, NULL);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
}

GtkWidget *
kam_checks_page_new (void)
{
  return g_object_new (KAM_TYPE_CHECKS_PAGE, NULL);
}
