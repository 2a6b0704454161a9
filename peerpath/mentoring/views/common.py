"""Small helpers the mentoring views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404


def show_errors(request, error: ValidationError) -> None:
    """Put a service's refusal on the next page as one message."""
    messages.error(request, " ".join(error.messages))


def add_errors(form, error: ValidationError) -> None:
    """Show a service's refusal in the form's error summary, keeping what was typed."""
    for message in error.messages:
        form.add_error(None, message)


def owned_or_404(queryset, user_field: str, user, **lookup):
    """The object if `user` is its owner (by `user_field`), else 404: we do not say it exists."""
    obj = get_object_or_404(queryset, **lookup)
    owner_id = obj
    for part in user_field.split("__"):
        owner_id = getattr(owner_id, part)
    if owner_id != user.pk:
        raise Http404
    return obj


def posted_id(request, name: str) -> int:
    """A record id from the posted form; anything that is not one answers 404."""
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)
