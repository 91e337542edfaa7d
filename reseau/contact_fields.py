"""The contact's fields, declared once: what each holds, its limits, its labels, where it shows.

Everything else is derived from `FIELDS`: the validation in `Contact`, the contact
table the export writes and the import reads (its column order is this table's order), the
stored JSON, the grids' columns, the importer's header synonyms and the card's generic widgets.
A new field is one `FieldSpec` here plus its labels in both catalogues (`field.NAME`); see
docs/DEVELOPING.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from reseau import vocabulary as vocab
from reseau.vocabulary import Term

ColumnWidth = Literal["small", "medium", "large"]

SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 5000


class FieldKind(StrEnum):
    """What a field holds, which decides how it is checked, stored, read from a cell and shown."""

    TEXT = "text"  # one line, up to SHORT_TEXT_LIMIT characters
    LONG_TEXT = "long_text"  # several lines, up to LONG_TEXT_LIMIT characters
    SCALE = "scale"  # a whole number on one of the method's 1-5 scales, or nothing
    CHOICE = "choice"  # one item of a vocabulary enum, or nothing
    CHOICES = "choices"  # any set of items of a vocabulary enum
    DATE = "date"  # a day, or nothing
    ID = "id"  # the contact's stable identifier


class Grid(StrEnum):
    """The editable grids a field can be a column of."""

    CONTACTS = "contacts"  # « Mes contacts »: the hand editor of who the people are
    QUALIFY = "qualify"  # the walkthrough's table mode: the card's fields, one row per contact


@dataclass(frozen=True)
class FieldSpec:
    """One contact field: its name on `Contact`, its kind and limits, and where it appears.

    Its column title is the catalogue's `field.NAME` in either language; `synonyms` are the
    other titles the importer recognises, by preference within the field (the first is used
    when several columns of a file are filled).
    """

    name: str
    kind: FieldKind
    choices: type[Term] | None = None  # CHOICE and CHOICES: the vocabulary enum
    scale: vocab.Scale | None = None  # SCALE: the method's scale, with its bounds and anchors
    default: object = None  # CHOICE: the value a new contact starts with
    identity: bool = False  # who the person is (cleaned as one line on import when TEXT)
    needed_to_score: bool = False  # scoring cannot do without it (in the method's order)
    grids: frozenset[Grid] = frozenset()
    width: ColumnWidth | None = None  # the grids' column width, when not the default
    help_key: str | None = None  # the grids' help text, when not the scale's own
    synonyms: tuple[str, ...] = ()
    # Titles an earlier version of the app wrote for this column: files people kept must
    # still read back as the app's own.
    earlier_titles: tuple[str, ...] = ()

    @property
    def label_key(self) -> str:
        return f"field.{self.name}"

    @property
    def is_text(self) -> bool:
        return self.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT)

    @property
    def limit(self) -> int | None:
        """The most characters a text field holds; None for other kinds."""
        if self.kind is FieldKind.TEXT:
            return SHORT_TEXT_LIMIT
        if self.kind is FieldKind.LONG_TEXT:
            return LONG_TEXT_LIMIT
        return None

    @property
    def empty(self) -> object:
        """The value of a field nobody filled in."""
        if self.is_text:
            return ""
        if self.kind is FieldKind.CHOICES:
            return frozenset()
        return self.default


def _criterion(
    scale: vocab.Scale, *synonyms: str, earlier_titles: tuple[str, ...] = ()
) -> FieldSpec:
    """One of the method's scored criteria: scoring needs it, the table mode shows it."""
    return FieldSpec(
        scale.code,
        FieldKind.SCALE,
        scale=scale,
        needed_to_score=True,
        grids=_QUALIFY,
        synonyms=synonyms,
        earlier_titles=earlier_titles,
    )


def _listed(name: str, choices: type[Term], *synonyms: str) -> FieldSpec:
    """A criterion chosen from one of the method's lists, shown in the table mode."""
    return FieldSpec(name, FieldKind.CHOICE, choices=choices, grids=_QUALIFY, synonyms=synonyms)


_BOTH = frozenset(Grid)
_CONTACTS = frozenset({Grid.CONTACTS})
_QUALIFY = frozenset({Grid.QUALIFY})

# In the contact table's column order: who, then the method's criteria in its own order, notes,
# and the id last.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "first_name",
        FieldKind.TEXT,
        identity=True,
        grids=_BOTH,
        synonyms=(
            "Prénom",
            "First Name",
            "Given Name",
            "Firstname",
            "Prenom usuel",
            "N;given",
            "Forename",
            "名",
            "名前（名）",
            "이름",
            "Имя",
            "Όνομα",
            "الاسم",
            "الاسم الأول",
            "שם פרטי",
        ),
    ),
    FieldSpec(
        "last_name",
        FieldKind.TEXT,
        identity=True,
        grids=_BOTH,
        synonyms=(
            "Nom",
            "Last Name",
            "Family Name",
            "Surname",
            "Lastname",
            "Nom de famille",
            "N;family",
            "姓",
            "名字",
            "名前（姓）",
            "성",
            "Фамилия",
            "Επώνυμο",
            "اسم العائلة",
            "שם משפחה",
        ),
    ),
    FieldSpec(
        "company",
        FieldKind.TEXT,
        identity=True,
        grids=_BOTH,
        synonyms=(
            "Entreprise",
            "Société",
            "Company",
            "Organization Name",
            "Organization 1 - Name",
            "Organisation",
            "Organization",
            "Employeur",
            "Employer",
            "Structure",
            "Établissement",
            "Raison sociale",
            "ORG",
            "Company Name",
            "Société / Raison sociale",
            "Nom de l'entreprise",
            "Nom de la société",
            "会社",
            "会社名",
            "公司",
            "회사",
            "Компания",
            "Организация",
            "Εταιρεία",
            "الشركة",
            "חברה",
        ),
    ),
    FieldSpec(
        "job_title",
        FieldKind.TEXT,
        identity=True,
        grids=_CONTACTS,
        synonyms=(
            "Fonction",
            "Job Title",
            "Position",
            "Poste",
            "Organization Title",
            "Organization 1 - Title",
            "Intitulé de poste",
            "Intitulé du poste",
            "役職",
            "职位",
            "職稱",
            "직책",
            "Должность",
            "Θέση",
            "المسمى الوظيفي",
            "Métier",
            "Rôle dans l'entreprise",
            "TITLE",
        ),
    ),
    FieldSpec(
        "email",
        FieldKind.TEXT,
        identity=True,
        grids=_CONTACTS,
        synonyms=(
            "E-mail",
            "Email",
            "Email Address",
            "E-mail Address",
            "Adresse e-mail",
            "Adresse mail",
            "Adresse électronique",
            "Adresse de messagerie",
            "Courriel",
            "Mail",
            "E-mail 1 - Value",
            "EMAIL",
            "E-mail 2 Address",
            "E-mail 3 Address",
            "Adresse de messagerie 2",
            "Adresse de messagerie 3",
            "E-mail 2 - Value",
            "E-mail 3 - Value",
            "Primary Email",
            "Email Work",
            "Work Email",
            "Mail du destinataire",
            "E-mail du destinataire",
            "Email du contact",
            "Email Home",
            "Home Email",
            "Secondary Email",
            "Other Email",
            "メール",
            "メールアドレス",
            "电子邮件",
            "電子郵件",
            "邮箱",
            "이메일",
            "Электронная почта",
            "Почта",
            "Ηλεκτρονικό ταχυδρομείο",
            "البريد الإلكتروني",
        ),
    ),
    FieldSpec(
        "phone",
        FieldKind.TEXT,
        identity=True,
        grids=_CONTACTS,
        synonyms=(
            "Téléphone",
            "Tél",
            "Tel",
            "Phone",
            "Mobile",
            "Portable",
            "Téléphone mobile",
            "Tél. mobile",
            "Mobile Phone",
            "Mobile Number",
            "Cell Phone",
            "Tél. portable",
            "Téléphone portable",
            "Numéro de portable",
            "Phone 1 - Value",
            "TEL",
            "Numéro de téléphone",
            "Phone Number",
            "GSM",
            "Téléphone (bureau)",
            "Téléphone bureau",
            "Business Phone",
            "Work Phone",
            "Primary Phone",
            "Téléphone principal",
            "Phone 2 - Value",
            "Business Phone 2",
            "Company Main Phone",
            "Téléphone société",
            "Home Phone",
            "Téléphone (domicile)",
            "Other Phone",
            "Téléphone (autre)",
            "Phone 3 - Value",
            "Tél. fixe",
            "電話",
            "電話番号",
            "电话",
            "手机",
            "전화",
            "전화번호",
            "Телефон",
            "Τηλέφωνο",
            "الهاتف",
            "Téléphone fixe",
        ),
    ),
    FieldSpec(
        "circle",
        FieldKind.CHOICE,
        choices=vocab.Circle,
        needed_to_score=True,
        grids=_BOTH,
        synonyms=("Cercle", "Réseau", "Circle", "Network", "Type de réseau"),
    ),
    FieldSpec(
        "role",
        FieldKind.CHOICE,
        choices=vocab.Role,
        needed_to_score=True,
        grids=_BOTH,
        width="medium",
        synonyms=("Rôle", "Role"),
    ),
    FieldSpec("role_other", FieldKind.TEXT, grids=_BOTH),
    _criterion(vocab.FREQUENCY, "Fréquence", "Frequency", "Fréquence de contact"),
    _listed("last_contact_nature", vocab.ContactNature, "Nature du dernier contact", "Nature"),
    FieldSpec(
        "last_contact_date",
        FieldKind.DATE,
        grids=_QUALIFY,
        synonyms=("Dernier contact", "Date du dernier contact", "Last contact"),
    ),
    _listed(
        "last_contact_result",
        vocab.ContactResult,
        "Résultat",
        "Result",
        "Résultat du dernier contact",
    ),
    FieldSpec("last_contact_note", FieldKind.LONG_TEXT, grids=_QUALIFY),
    _criterion(
        vocab.TRUST,
        "Confiance",
        "Trust",
        "Intensité",
        "Intensité / confiance",
        "Intensity",
        earlier_titles=("Confiance", "Trust"),
    ),
    _listed("reciprocity", vocab.Reciprocity, "Réciprocité", "Reciprocity"),
    FieldSpec(
        "value_kinds",
        FieldKind.CHOICES,
        choices=vocab.ValueKind,
        grids=_QUALIFY,
        help_key="criterion.value_kinds.help",
        synonyms=("Apport", "Type de valeur", "Value kinds", "Type d'apport"),
    ),
    _criterion(vocab.ADDED_VALUE, "Valeur ajoutée", "Added value", "Valeur"),
    _criterion(vocab.INTEREST, "Intérêt", "Interest"),
    _criterion(vocab.POWER, "Pouvoir d'agir", "Pouvoir", "Power", "Power to act"),
    FieldSpec(
        "action_text",
        FieldKind.LONG_TEXT,
        grids=_QUALIFY,
        width="large",
        synonyms=("Première action", "Action", "First action", "Prochaine action"),
    ),
    FieldSpec(
        "action_due",
        FieldKind.DATE,
        grids=_QUALIFY,
        synonyms=("Échéance", "Due", "Due date", "Date d'échéance"),
    ),
    FieldSpec(
        "action_status",
        FieldKind.CHOICE,
        choices=vocab.ActionStatus,
        default=vocab.ActionStatus.TODO,
        grids=_QUALIFY,
        synonyms=("Statut", "Status", "Statut de l'action"),
    ),
    FieldSpec(
        "notes",
        FieldKind.LONG_TEXT,
        identity=True,
        grids=_CONTACTS,
        width="large",
        synonyms=(
            "Notes",
            "Note",
            "Commentaire",
            "Commentaires",
            "Remarques",
            "Remarque",
            "Observations",
            "Comments",
            "NOTE",
        ),
    ),
    FieldSpec("id", FieldKind.ID),
)


_by_name: dict[str, FieldSpec] = {}


def field_spec(name: str) -> FieldSpec:
    """The declaration of the field called `name`; KeyError for an unknown name."""
    if len(_by_name) != len(FIELDS):  # first call, or a declaration added since (a test's)
        _by_name.clear()
        _by_name.update((spec.name, spec) for spec in FIELDS)
    return _by_name[name]


def names(**wanted: object) -> tuple[str, ...]:
    """The names of the fields whose attributes have the values asked, in the table's order:
    `names(kind=FieldKind.SCALE)`, `names(identity=True)`."""
    return tuple(
        spec.name
        for spec in FIELDS
        if all(getattr(spec, attribute) == value for attribute, value in wanted.items())
    )


def in_grid(grid: Grid) -> tuple[str, ...]:
    """The columns of an editable grid, in the table's order."""
    return tuple(spec.name for spec in FIELDS if grid in spec.grids)
