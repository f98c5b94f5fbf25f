/* kam-dataset-defaults.c
 *
 * Copyright 2026 The Kamlang authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a new dataset starts with: the indicators and the dimensions. */

#include <glib/gi18n-lib.h>
#include "kam-dataset-private.h"

/**
 * kam_dataset_new:
 *
 * Returns: (transfer full): a new dataset with the default indicators
 */
KamDataset *
kam_dataset_new (void)
{
  static const struct
  {
    const char *id, *name, *definition;
    const char *unit;
    KamIndicatorKind kind;
  } defaults[] = {
    { "workers", N_("Workers abroad"),
      N_("Cambodians working in the destination country at the given time (a stock)."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_STOCK },
    { "deployed", N_("Workers sent"),
      N_("Workers sent abroad during the year (a flow)."), KAM_UNIT_PERSONS,
      KAM_INDICATOR_KIND_FLOW },
    { "quota", N_("Quota"),
      N_("Workers the destination country allows in for the year (a target)."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_TARGET },
    { "remittances", N_("Remittances"),
      N_("Money sent home by workers abroad during the year, in US dollars."), KAM_UNIT_USD,
      KAM_INDICATOR_KIND_FLOW },
    { "citizens", N_("Citizens abroad"),
      N_("All Cambodian citizens in the country, workers, students and trainees alike."),
      KAM_UNIT_PERSONS, KAM_INDICATOR_KIND_STOCK },
  };
  KamDataset *self = kam_dataset_new_empty ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr (KamIndicator) indicator = kam_indicator_new (defaults[i].id);

      kam_indicator_set_name (indicator, g_dgettext (GETTEXT_PACKAGE, defaults[i].name));
      kam_indicator_set_definition (indicator,
                                    g_dgettext (GETTEXT_PACKAGE, defaults[i].definition));
      kam_indicator_set_unit (indicator, defaults[i].unit);
      kam_indicator_set_kind (indicator, defaults[i].kind);
      _kam_dataset_load_indicator (self, indicator);
    }
  kam_dataset_add_default_dimensions (self);
  return self;
}

typedef struct
{
  const char *code, *name, *name_km;
} Member;

static const Member sex[] = {
  { "total", N_("Total"), "សរុប" },
  { "women", N_("Women"), "ស្ត្រី" },
  { "men", N_("Men"), "បុរស" },
};

static const Member sector[] = {
  { "total", N_("All sectors"), "គ្រប់វិស័យ" },
  { "agriculture", N_("Agriculture"), "កសិកម្ម" },
  { "fishing", N_("Fishing"), "នេសាទ" },
  { "construction", N_("Construction"), "សំណង់" },
  { "manufacturing", N_("Manufacturing"), "ឧស្សាហកម្មកម្មន្តសាល" },
  { "services", N_("Services"), "សេវាកម្ម" },
  { "domestic-work", N_("Domestic work"), "ការងារតាមផ្ទះ" },
  { "other", N_("Other sectors"), "វិស័យផ្សេងៗ" },
};

/* Cambodia's 24 provinces and the capital, by their ISO 3166-2:KH codes. */
static const Member province[] = {
  { "total", N_("All provinces"), "គ្រប់ខេត្ត" },
  { "KH-1", "Banteay Meanchey", "បន្ទាយមានជ័យ" },
  { "KH-2", "Battambang", "បាត់ដំបង" },
  { "KH-3", "Kampong Cham", "កំពង់ចាម" },
  { "KH-4", "Kampong Chhnang", "កំពង់ឆ្នាំង" },
  { "KH-5", "Kampong Speu", "កំពង់ស្ពឺ" },
  { "KH-6", "Kampong Thom", "កំពង់ធំ" },
  { "KH-7", "Kampot", "កំពត" },
  { "KH-8", "Kandal", "កណ្ដាល" },
  { "KH-9", "Koh Kong", "កោះកុង" },
  { "KH-10", "Kratié", "ក្រចេះ" },
  { "KH-11", "Mondulkiri", "មណ្ឌលគិរី" },
  { "KH-12", "Phnom Penh", "ភ្នំពេញ" },
  { "KH-13", "Preah Vihear", "ព្រះវិហារ" },
  { "KH-14", "Prey Veng", "ព្រៃវែង" },
  { "KH-15", "Pursat", "ពោធិ៍សាត់" },
  { "KH-16", "Ratanakiri", "រតនគិរី" },
  { "KH-17", "Siem Reap", "សៀមរាប" },
  { "KH-18", "Preah Sihanouk", "ព្រះសីហនុ" },
  { "KH-19", "Stung Treng", "ស្ទឹងត្រែង" },
  { "KH-20", "Svay Rieng", "ស្វាយរៀង" },
  { "KH-21", "Takéo", "តាកែវ" },
  { "KH-22", "Oddar Meanchey", "ឧត្ដរមានជ័យ" },
  { "KH-23", "Kep", "កែប" },
  { "KH-24", "Pailin", "ប៉ៃលិន" },
  { "KH-25", "Tboung Khmum", "ត្បូងឃ្មុំ" },
};

static const Member channel[] = {
  { "total", N_("All channels"), "គ្រប់មធ្យោបាយ" },
  { "regular", N_("Regular (under an MoU)"), "ស្របច្បាប់ (តាមអនុស្សរណៈនៃការយោគយល់គ្នា)" },
  { "irregular", N_("Irregular"), "មិនស្របច្បាប់" },
};

static const Member age[] = {
  { "total", N_("All ages"), "គ្រប់អាយុ" },
  { "15-19", "15–19", "១៥–១៩" },
  { "20-24", "20–24", "២០–២៤" },
  { "25-29", "25–29", "២៥–២៩" },
  { "30-34", "30–34", "៣០–៣៤" },
  { "35-39", "35–39", "៣៥–៣៩" },
  { "40-44", "40–44", "៤០–៤៤" },
  { "45-49", "45–49", "៤៥–៤៩" },
  { "50-54", "50–54", "៥០–៥៤" },
  { "55-59", "55–59", "៥៥–៥៩" },
  { "60-64", "60–64", "៦០–៦៤" },
  { "65+", N_("65 and over"), "៦៥ ឡើងទៅ" },
};

static void
add_default (KamDataset *self, const char *id, const char *name, const char *name_km,
             const Member *members, guint n)
{
  g_autoptr (KamDimension) dimension = NULL;

  if (kam_dataset_find_dimension (self, id) >= 0)
    return;
  dimension = kam_dimension_new (id, g_dgettext (GETTEXT_PACKAGE, name), name_km);
  for (guint i = 0; i < n; i++)
    /* province names are proper names, the same in every language but Khmer */
    kam_dimension_append_member (dimension, members[i].code,
                                 members != province || i == 0
                                   ? g_dgettext (GETTEXT_PACKAGE, members[i].name)
                                   : members[i].name,
                                 members[i].name_km);
  _kam_dataset_load_dimension (self, dimension);
}

/**
 * kam_dataset_add_default_dimensions:
 *
 * Gives a new dataset (or one read from a version 1 file) the dimensions the
 * ministry counts by, each with only its total in use: sex, economic sector,
 * province of origin, channel and age group. Dimensions it has already are
 * kept as they are. Not undoable: for datasets being made.
 */
void
kam_dataset_add_default_dimensions (KamDataset *self)
{
  add_default (self, "sex", N_("Sex"), "ភេទ", sex, G_N_ELEMENTS (sex));
  add_default (self, "sector", N_("Economic sector"), "វិស័យសេដ្ឋកិច្ច", sector,
               G_N_ELEMENTS (sector));
  add_default (self, "province", N_("Province of origin"), "ខេត្តកំណើត", province,
               G_N_ELEMENTS (province));
  add_default (self, "channel", N_("Channel"), "មធ្យោបាយចំណាកស្រុក", channel,
               G_N_ELEMENTS (channel));
  add_default (self, "age", N_("Age group"), "ក្រុមអាយុ", age, G_N_ELEMENTS (age));
}
