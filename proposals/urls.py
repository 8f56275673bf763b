from django.urls import path

from proposals import views

app_name = "proposals"

urlpatterns = [
    path("<int:pk>/", views.proposal_detail, name="detail"),
    path("<int:pk>/modifier/", views.proposal_edit, name="edit"),
    path("<int:pk>/publier/", views.proposal_publish, name="publish"),
    path("<int:pk>/supprimer/", views.proposal_delete_draft, name="delete_draft"),
    path("<int:pk>/retirer/", views.proposal_withdraw, name="withdraw"),
    path("<int:pk>/vote/", views.proposal_vote, name="vote"),
    path("<int:pk>/co-auteurs/inviter/", views.coauthor_invite, name="invite"),
    path("<int:pk>/co-auteurs/invitation/", views.coauthor_answer, name="invitation"),
    path("<int:pk>/co-auteurs/quitter/", views.coauthor_leave, name="leave"),
    path("<int:pk>/reponse/", views.proposal_answer, name="answer"),
    path("<int:pk>/fusionner/", views.proposal_merge, name="merge"),
    path("<int:pk>/pieces-jointes/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("<slug:space_slug>/", views.proposal_list, name="list"),
    path("<slug:space_slug>/nouvelle/", views.proposal_create, name="create"),
    path("<slug:space_slug>/similaires/", views.similar, name="similar"),
    path("<slug:space_slug>/priorites/", views.results, name="results"),
    path("<slug:space_slug>/export.csv", views.export_csv, name="export_csv"),
    path("<slug:space_slug>/export.json", views.export_json, name="export_json"),
]
