"""The canonical incident table: its columns, their types and the controlled vocabularies."""

from __future__ import annotations

KINDS = ("attack", "strike", "context")
DATE_PRECISIONS = ("day", "week", "month", "year", "approximate")
LOCATION_PRECISIONS = ("site", "city", "district", "province", "country")
ATTACK_TYPES = (
    "complex_attack",  # suicide bomb(s) followed by gunmen
    "suicide_bombing",
    "bombing",
    "armed_assault",
    "air_strike",
    # Met in imported datasets (ACLED, UCDP, GTD):
    "armed_clash",  # fighting between armed groups, no one side the attacker
    "shelling",  # artillery, mortar or missile fire
    "abduction",  # kidnapping, hostage taking
    "unknown",
)
TARGET_TYPES = (
    "private_citizens",
    "business",
    "ngo",
    "police",
    "military",
    "government",
    "election",
    "judiciary",
    "militants",
    "unknown",
)

TEXT_COLUMNS = (
    "id",
    "title",
    "summary",
    "date_basis",
    "country",
    "province",
    "place",
    "site",
    "location_basis",
    "casualty_note",
    "perpetrator",
    "claimed_by",
    "claim_note",
    "actor",
    "article_quote",
)
CATEGORY_COLUMNS = {
    "kind": KINDS,
    "date_precision": DATE_PRECISIONS,
    "location_precision": LOCATION_PRECISIONS,
    "attack_type": ATTACK_TYPES,
    "target_type": TARGET_TYPES,
}
COUNT_COLUMNS = (
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "attackers_killed_min",
    "attackers_killed_max",
)
DATE_COLUMNS = ("date_start", "date_end")
FLOAT_COLUMNS = ("lat", "lon")

# Column order of the loaded table and of every export.
COLUMNS = (
    "id",
    "kind",
    "title",
    "summary",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "country",
    "province",
    "place",
    "site",
    "lat",
    "lon",
    "location_precision",
    "location_basis",
    *COUNT_COLUMNS,
    "casualty_note",
    "perpetrator",
    "claimed_by",
    "claim_note",
    "actor",
    "attack_type",
    "target_type",
    "article_paragraph",
    "article_quote",
    "sources",
)

REQUIRED_FIELDS = (
    "id",
    "kind",
    "title",
    "summary",
    "date_start",
    "date_end",
    "date_precision",
    "date_basis",
    "country",
    "location_precision",
)
# Attacks and strikes are events with a victim count and a type; context records are not.
REQUIRED_FOR_VIOLENCE = ("attack_type", "target_type", "perpetrator")
SOURCE_FIELDS = ("publisher", "url", "supports")
