from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicGroup(models.TextChoices):
    FIELD = "field", _("Handlungsfeld")
    SDG = "sdg", _("Nachhaltigkeitsziel (SDG)")


class Topic(models.Model):
    """An action field (Handlungsfeld) or one of the 17 SDGs. Editable by admins."""

    slug = models.SlugField(_("Kürzel"), unique=True, max_length=80)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (englisch)"), max_length=120, blank=True)
    group = models.CharField(_("Gruppe"), max_length=10, choices=TopicGroup.choices, default=TopicGroup.FIELD)
    number = models.PositiveSmallIntegerField(_("Nummer"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["group", "order", "name"]
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language (English where one is stored)."""
        from django.utils.translation import get_language

        if self.name_en and (get_language() or "de").startswith("en"):
            return self.name_en
        return self.name


class Kind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    ASSOCIATION = "association", _("Verein / Verband")
    ADMINISTRATION = "administration", _("Kommune / Verwaltung")
    COMPANY = "company", _("Unternehmen")
    EDUCATION = "education", _("Bildungseinrichtung")
    RESEARCH = "research", _("Forschung")
    RELIGIOUS = "religious", _("Religionsgemeinschaft")
    FOUNDATION = "foundation", _("Stiftung")
    NETWORK = "network", _("Netzwerk / Bündnis")
    PERSON = "person", _("Einzelperson")


class Sector(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Zivilgesellschaft")
    ADMINISTRATION = "administration", _("Politik und Verwaltung")
    BUSINESS = "business", _("Wirtschaft")
    SCIENCE = "science", _("Wissenschaft und Bildung")
    CHURCH = "church", _("Kirche und Religion")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("öffentlich")
    MEMBERS = "members", _("nur Netzwerkmitglieder")
    PRIVATE = "private", _("privat")


class Status(models.TextChoices):
    PENDING = "pending", _("wartet auf Prüfung")
    PUBLISHED = "published", _("freigegeben")
    REJECTED = "rejected", _("abgelehnt")


class Precision(models.TextChoices):
    ADDRESS = "address", _("Adresse")
    POSTCODE = "postcode", _("Postleitzahl")
    MUNICIPALITY = "municipality", _("Gemeinde")


class Actor(models.Model):
    """Someone active for sustainability: an organisation, administration, company or a person."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=220)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    sector = models.CharField(_("Sektor"), max_length=20, choices=Sector.choices)
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    topics = models.ManyToManyField(
        Topic, related_name="actors", blank=True, verbose_name=_("Handlungsfelder")
    )

    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "geo.Area", on_delete=models.PROTECT, related_name="actors", verbose_name=_("Gemeinde")
    )
    county = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    state = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    lat = models.FloatField(_("Breite"))
    lon = models.FloatField(_("Länge"))
    precision = models.CharField(_("Genauigkeit"), max_length=20, choices=Precision.choices)

    website = models.URLField(_("Website"), blank=True, max_length=300)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=60, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)

    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    review_note = models.TextField(_("Prüfnotiz"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    consent_at = models.DateTimeField(_("Einwilligung am"), null=True, blank=True)
    consent_version = models.CharField(_("Einwilligungstext-Version"), max_length=20, blank=True)
    consent_text = models.TextField(_("Einwilligungstext"), blank=True)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
        verbose_name=_("verwaltet von"),
    )
    source = models.CharField(_("Quelle"), max_length=200, blank=True)
    natural_key = models.CharField(max_length=300, unique=True, editable=False)
    last_confirmed = models.DateField(_("zuletzt bestätigt"), null=True, blank=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
        indexes = [
            models.Index(fields=["status", "visibility", "lat", "lon"], name="actors_visible_geo"),
            models.Index(fields=["lat", "lon"], name="actors_geo"),
            models.Index(fields=["status", "visibility", "name", "id"], name="actors_visible_name"),
            models.Index(fields=["kind"], name="actors_kind"),
            models.Index(fields=["sector"], name="actors_sector"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(lat__gte=-90, lat__lte=90), name="actors_lat_range"),
            models.CheckConstraint(condition=models.Q(lon__gte=-180, lon__lte=180), name="actors_lon_range"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:detail", kwargs={"slug": self.slug})

    @property
    def is_person(self) -> bool:
        return self.kind == Kind.PERSON

    def moderation_context(self):  # -> wandelwerk.moderation.interface.ModerationContext
        """Moderated by the coordinators of the first network covering the actor's municipality, else
        its county, else its state (coordinators of networks above it moderate too); else by staff."""
        from wandelwerk.moderation.interface import ModerationContext
        from wandelwerk.networks.models import Network

        network = None
        for area_id in (self.municipality_id, self.county_id, self.state_id):
            network = Network.objects.filter(areas=area_id).order_by("id").first()
            if network is not None:
                break
        return ModerationContext(
            network=network, author=self.owner, title=self.name, url=self.get_absolute_url()
        )


class ResourceCategory(models.TextChoices):
    SKILLS = "skills", _("Fähigkeiten")
    SPACES = "spaces", _("Räume")
    MATERIALS = "materials", _("Material")
    MONEY = "money", _("Geld")
    TOOLS = "tools", _("Werkzeug und Geräte")
    KNOWLEDGE = "knowledge", _("Wissen")


class Direction(models.TextChoices):
    OFFER = "offer", _("Angebot")
    NEED = "need", _("Bedarf")


class Resource(models.Model):
    """An offer or a need of an actor."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="resources")
    direction = models.CharField(_("Richtung"), max_length=5, choices=Direction.choices)
    category = models.CharField(_("Kategorie"), max_length=20, choices=ResourceCategory.choices)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["direction", "category", "title"]
        verbose_name = _("Angebot/Bedarf")
        verbose_name_plural = _("Angebote und Bedarfe")
        indexes = [models.Index(fields=["direction", "category"], name="actors_resource_dir_cat")]

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.title}"


class PublicCount(models.Model):
    """Published public actors per municipality, kept by database triggers (migration 0004) so the
    map overview of a million actors reads ~11,000 rows instead of a million. Never written by code."""

    municipality = models.OneToOneField(
        "geo.Area", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    county = models.ForeignKey("geo.Area", on_delete=models.CASCADE, related_name="+")
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("Zähler öffentlicher Akteure")
        verbose_name_plural = _("Zähler öffentlicher Akteure")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.n}"
