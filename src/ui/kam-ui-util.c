/* kam-ui-util.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <glib/gi18n.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "kam-ui-util.h"


/* The message's popover: an extra child of its widget, which must let go of
 * it before it goes away (list cells are recycled and destroyed at any time). */
static GtkWidget *
error_popover_of (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_has_css_class (child, "kam-error"))
      return child;
  return NULL;
}

static void
drop_popover (GtkWidget *widget)
{
  GtkWidget *popover = error_popover_of (widget);

  if (popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (popover, widget);
      g_signal_handlers_disconnect_by_func (widget, drop_popover, NULL);
      gtk_widget_unparent (popover);
    }
}

/**
 * kam_dup_error_shown:
 *
 * Returns: (transfer full) (nullable): the message kam_show_error_at() shows at
 *   @widget now
 */
char *
kam_dup_error_shown (GtkWidget *widget)
{
  GtkWidget *popover = error_popover_of (widget);
  GtkWidget *box = popover ? gtk_popover_get_child (GTK_POPOVER (popover)) : NULL;

  if (box == NULL || !gtk_widget_get_visible (popover))
    return NULL;
  return g_strdup (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))));
}

static gboolean
drop_popover_idle (gpointer widget)
{
  drop_popover (widget);
  g_object_unref (widget);
  return G_SOURCE_REMOVE;
}

static void
popover_closed (GtkPopover *popover, GtkWidget *widget)
{
  /* not from inside the popover's own signal */
  g_idle_add (drop_popover_idle, g_object_ref (widget));
}

void
kam_show_error_at (GtkWidget *widget, const char *message)
{
  GtkWidget *popover;
  GtkWidget *label = gtk_label_new (message);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  drop_popover (widget);
  popover = gtk_popover_new ();
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (icon, "error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_widget_set_parent (popover, widget);
  /* the message must not take the keyboard: what the user types next goes to
   * the widget, and typing or leaving it takes the message away */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_can_focus (popover, FALSE);
  if (GTK_IS_EDITABLE (widget))
    g_signal_connect (widget, "changed", G_CALLBACK (drop_popover), NULL);
  gtk_widget_add_css_class (popover, "kam-error");
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed), widget);
  g_signal_connect (widget, "unrealize", G_CALLBACK (drop_popover), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message, -1);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overlay above the widget, else the one in its window (a window holds
 * its overlay below it), else in the window a dialog belongs to. */
gboolean
kam_show_toast (GtkWidget *widget, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  for (GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget)); overlay == NULL && root != NULL;
       root = GTK_IS_WINDOW (root) ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))) : NULL)
    overlay = find_overlay_below (root);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

void
kam_present_dialog (GtkWidget *dialog)
{
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* its response buttons have mnemonics */
  kam_label_inner_controls (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- timing probe ---------------------------------------------------------- */

static gint64 probe_start;

/* With KAMLANG_PROBE set, tells on stderr how long after the process started
 * each step came (for tools/bench; silent otherwise). */
void
kam_probe (const char *step)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv ("KAMLANG_PROBE") != NULL;
  if (!enabled)
    return;
  if (probe_start == 0)
    {
      g_autofree char *stat = NULL;
      /* the process's start, from /proc: field 22, in clock ticks since boot */
      if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
        {
          const char *p = strrchr (stat, ')');
          g_auto (GStrv) fields = p ? g_strsplit (p + 2, " ", 0) : NULL;
          g_autofree char *uptime = NULL;

          if (fields != NULL && g_strv_length (fields) > 20
              && g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
            {
              double started = g_ascii_strtod (fields[19], NULL) / sysconf (_SC_CLK_TCK);
              double now = g_ascii_strtod (uptime, NULL);
              probe_start = g_get_monotonic_time () - (gint64) ((now - started) * G_USEC_PER_SEC);
            }
        }
      if (probe_start == 0)
        probe_start = g_get_monotonic_time ();
    }
#ifdef RUSAGE_THREAD
  {
    struct rusage usage;
    /* the main thread's own CPU time: less shaken than the clock by a busy machine */
    getrusage (RUSAGE_THREAD, &usage);
    g_printerr ("kamlang-probe %8.1f ms  %s  (cpu %.1f ms)\n", (g_get_monotonic_time () - probe_start) / 1000.0,
                step, (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
                        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
    return;
  }
#endif
  g_printerr ("kamlang-probe %8.1f ms  %s\n", (g_get_monotonic_time () - probe_start) / 1000.0, step);
}

/* A button showing only an icon: the tooltip says what it does, the
 * accessible name says it to a screen reader. */
GtkWidget *
kam_icon_button_new (const char *icon, const char *name, const char *tooltip, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* Tab from inside the list: to the next control after it, as if the list
 * were one stop (its cells are reached by clicking them); Shift+Tab to the
 * one before it. */
static gboolean
leave_list (GtkWidget *list, GVariant *args, gpointer data)
{
  GtkDirectionType direction = g_variant_get_int32 (args);
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  if (root == NULL)
    return FALSE;
  /* a widget that cannot take the focus is passed over, children and all */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

/**
 * kam_list_tab_leaves:
 * @list: the scrolled window of a list of editable cells
 *
 * Makes the list one Tab stop, not one per cell.
 */
void
kam_list_tab_leaves (GtkWidget *list)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const struct
  {
    guint key;
    GdkModifierType modifiers;
    GtkDirectionType direction;
  } keys[] = {
    { GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].modifiers),
                                                gtk_callback_action_new (leave_list, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].direction));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (list, shortcuts);
}

int
kam_widest_text (GtkWidget *widget, const char *const *texts)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int widest = 0;

  for (guint i = 0; texts[i] != NULL; i++)
    {
      int width;

      pango_layout_set_text (layout, texts[i], -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

void
kam_closure_data_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
align_start (GtkWidget *widget)
{
  /* the button's label, in a box, in its toggle button */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_widget_set_halign (child, GTK_ALIGN_FILL);
        }
      else
        align_start (child);
    }
}

/* Names for a screen reader the controls GTK and libadwaita make inside
 * others, which GTK 4.8 names by their type ("GtkToggleButton") when they take
 * the focus: a drop-down's button is labelled by its drop-down, a status
 * page's scroller by its status page; and buttons with a mnemonic by their
 * label's text. */
void
kam_label_drop_down (GtkDropDown *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  if (button != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);
}

void
kam_label_inner_controls (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = gtk_widget_get_first_child (child);

      if (GTK_IS_DROP_DOWN (child))
        kam_label_drop_down (GTK_DROP_DOWN (child));
      else if (GTK_IS_BUTTON (child) && GTK_IS_LABEL (inner) && gtk_label_get_use_underline (GTK_LABEL (inner)))
        {
          /* GTK 4.8 names a button with a mnemonic twice, by its label with
           * the underscore and by the label its mnemonic makes it labelled
           * by ("_Export… Export…"): once, by the label's text */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          gtk_label_get_text (GTK_LABEL (inner)), -1);
        }
      else if (inner != NULL && ADW_IS_STATUS_PAGE (child) && adw_status_page_get_title (ADW_STATUS_PAGE (child)))
        gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_status_page_get_title (ADW_STATUS_PAGE (child)), -1);
      kam_label_inner_controls (child);
    }
}

/* A menu button that reads like the drop-downs beside it: its label at the
 * start, the arrow at the end (GTK 4.8 centres them; it makes the label again
 * each time it is set: kam_menu_button_set_label aligns it again). */
void
kam_menu_button_align_label (GtkMenuButton *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  align_start (GTK_WIDGET (button));
}

void
kam_menu_button_set_label (GtkMenuButton *button, const char *label)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_set_label (button, label);
  kam_menu_button_align_label (button);
}

/**
 * kam_labelled:
 *
 * A control with its label before it (above it, vertical), the label's
 * mnemonic focusing it and its text its accessible name, once (GTK 4.8
 * names a control twice by its label and its labelled-by relation).
 *
 * Returns: (transfer floating): a box of the label and the control
 */
GtkWidget *
kam_labelled (const char *mnemonic, GtkWidget *control, GtkOrientation orientation)
{
  GtkWidget *box = gtk_box_new (orientation, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return box;
}
