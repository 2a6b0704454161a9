import factory

from peerpath.accounts.models import Membership, Organisation, Profile, User

TEST_PASSWORD = "a-long-test-password"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.LOCAL_AUTHORITY
    nation = "england"
    region = "North East"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with an empty profile and the password TEST_PASSWORD."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        password = kwargs.pop("password", TEST_PASSWORD)
        user = model_class.objects.create_user(*args, password=password, **kwargs)
        Profile.objects.create(user=user)
        return user


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.PARTICIPANT
