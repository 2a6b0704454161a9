from ninja import Router, Schema

router = Router(tags=["people"])


class Role(Schema):
    organisation: str
    organisation_slug: str
    role: str


class Me(Schema):
    email: str
    full_name: str
    roles: list[Role]


@router.get("/me/", response=Me)
def me(request):
    """The signed-in person and their roles."""
    user = request.auth
    return Me(
        email=user.email,
        full_name=user.full_name,
        roles=[
            Role(
                organisation=m.organisation.name, organisation_slug=m.organisation.slug, role=m.role
            )
            for m in user.memberships.select_related("organisation")
        ],
    )
