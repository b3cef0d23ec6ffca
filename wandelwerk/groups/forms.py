from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.core.uploads import ALLOWED
from wandelwerk.groups.models import GroupVisibility, JoinMode
from wandelwerk.networks.models import Network


class GroupForm(forms.Form):
    network: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Netzwerk"), queryset=Network.objects.none()
    )
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        widget=forms.Textarea,
        required=False,
        max_length=20_000,
        help_text=gettext_lazy("Markdown erlaubt: Worum geht es, wer ist angesprochen, wie wird gearbeitet?"),
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Handlungsfeld"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD).order_by("order", "name"),
        required=False,
    )
    join_mode = forms.ChoiceField(
        label=gettext_lazy("Beitritt"), choices=JoinMode.choices, widget=forms.RadioSelect
    )
    visibility = forms.ChoiceField(
        label=gettext_lazy("Sichtbarkeit"), choices=GroupVisibility.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, networks=None, fixed_network: bool = False, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("initial", {}).setdefault("join_mode", JoinMode.OPEN)
        kwargs["initial"].setdefault("visibility", GroupVisibility.MEMBERS)
        super().__init__(*args, **kwargs)
        if fixed_network:
            del self.fields["network"]
        else:
            field = self.fields["network"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = networks if networks is not None else Network.objects.none()


class PostForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Beitrag"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20_000,
        help_text=gettext_lazy("Markdown erlaubt (z. B. **fett**, Listen mit -, Links)."),
    )


class LinkForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel des Links"), max_length=200)
    url = forms.URLField(
        label=gettext_lazy("Adresse (URL)"),
        max_length=1000,
        assume_scheme="https",
        help_text=gettext_lazy("Beginnt mit http:// oder https://"),
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("auto_id", "link-%s")  # unique ids beside the document form on one page
        super().__init__(*args, **kwargs)


class DocumentForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel des Dokuments"), max_length=200)
    file = forms.FileField(label=gettext_lazy("Datei"))

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("auto_id", "doc-%s")
        super().__init__(*args, **kwargs)
        mb = settings.UPLOAD_MAX_BYTES // 1_048_576
        self.fields["file"].help_text = gettext_lazy("Höchstens %(mb)s MB; erlaubt: %(types)s") % {
            "mb": mb,
            "types": ", ".join(ALLOWED),
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{a}" for a in (*ALLOWED, "jpeg"))


class JoinForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Nachricht an die Koordination (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
