# Français : le catalogue en français. Chaque locales/<tag>.ftl a les mêmes identifiants de message que en.ftl.
# Ajouter une langue, c’est ajouter un fichier (voir le README, « Adding a language »).

language-name = Français
language-dir = ltr

## Le cadre de chaque page

app-name = Carte d’identité municipale
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
language-label = Langue de ces pages
nav-enroll = Inscrire un résident
nav-find = Rechercher un résident
nav-staff = Comptes du personnel
nav-policy = Politique et clés
nav-audit = Rapport de conservation
nav-password = Changer de mot de passe
logout = Se déconnecter
footer-privacy = Ce service conserve le moins d’informations possible sur les résidents, pendant le moins de temps possible. Saisissez les données des résidents uniquement dans ces formulaires.
back-home = Retour à la page d’accueil
error-prefix = Erreur :
continue = Continuer
yes = Oui
no = Non
choose = Choisir…
optional = (facultatif)
required = (obligatoire)
save = Enregistrer les modifications
cancel = Annuler
you = vous

## Dates et nombres, écrits comme on les écrit en français
# Une date : $year, $month (1 à 12) et $day sont des nombres, $monthName est l’un des month-1 … month-12.
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $monthName } { $year }
# Noms des mois tels qu’ils s’écrivent dans une date.
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
# Séparateur des milliers : espace fine insécable (12 345).
number-group-separator = { "\u202F" }

## Refus

csrf-title = Ce formulaire ne peut pas être accepté
err-csrf = Le formulaire n’a pas été envoyé depuis ce service, ou la page avait expiré. Revenez en arrière, rechargez la page et réessayez.
forbidden-title = Accès non autorisé
err-forbidden = Votre rôle ({ $role }) ne permet pas d’ouvrir cette page.
not-found-title = Introuvable
err-not_found = Cet enregistrement n’existe pas.
outage-title = Rien n’a été enregistré
err-database_unavailable = La base de données est inaccessible pour le moment : rien n’a donc été enregistré. Patientez un instant, puis revenez en arrière et réessayez.
err-storage_full = L’espace de stockage du serveur est plein : rien n’a donc été enregistré. Prévenez un administrateur ; le formulaire pourra être renvoyé une fois de l’espace libéré.
err-key_custody_unavailable = Les clés qui protègent les données des résidents sont inaccessibles pour le moment : rien n’a donc été lu ni enregistré. Patientez un instant, puis revenez en arrière et réessayez.
problem-title = Cette opération est impossible
form-unreadable-title = Le formulaire n’a pas pu être lu
err-form-unreadable = Le formulaire n’a pas pu être lu, ou il était trop volumineux. Revenez en arrière et réessayez.
err-invalid-value = Une valeur n’est pas valide. Vérifiez le formulaire et réessayez.

## Connexion

login-title = Connexion
logged-out = Déconnexion effectuée.
username = Nom d’utilisateur
password = Mot de passe
login-button = Se connecter
err-invalid_credentials = Le nom d’utilisateur ou le mot de passe est incorrect.
err-too_many_attempts = Trop de tentatives infructueuses. Patientez { $unit ->
        [seconds] { $count ->
            [one] { $count } seconde
           *[other] { $count } secondes
        }
       *[minutes] { $count ->
            [one] { $count } minute
           *[other] { $count } minutes
        }
    }, puis réessayez.

## Mot de passe

password-title = Changer votre mot de passe
password-changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
password-required = Votre connexion a utilisé un mot de passe à usage unique. Choisissez votre propre mot de passe avant de continuer.
label-current_password = Mot de passe actuel
label-new_password = Nouveau mot de passe
label-confirm_password = Nouveau mot de passe (confirmation)
password-rule = Au moins 12 caractères. Quelques mots sans rapport entre eux font un bon mot de passe.
password-button = Changer le mot de passe
err-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
err-current-password-wrong = Le mot de passe actuel est incorrect.
err-weak_password = Le nouveau mot de passe n’est pas acceptable : utilisez au moins 12 caractères, et un mot de passe différent de l’actuel.

## Rôles

role-clerk = agent de guichet
role-supervisor = superviseur
role-auditor = auditeur
role-admin = administrateur

## Inscription

enroll-title = Inscrire un résident
form-language-label = Afficher ce formulaire en
form-has-problems = { $count ->
    [one] Le formulaire comporte un problème
   *[other] Le formulaire comporte { $count } problèmes
}
duplicate-title = Cette personne est peut-être déjà inscrite
duplicate-text = Un résident ayant le même nom légal et la même date de naissance est déjà inscrit.
duplicate-open = Ouvrir ce dossier
duplicate-or-confirm = S’il s’agit d’une autre personne, cochez « Il s’agit d’une autre personne » à la fin du formulaire et inscrivez-la à nouveau.
duplicate-confirm = Il s’agit d’une autre personne : inscrire quand même
enroll-documents = Documents présentés
enroll-documents-hint = Cochez chaque type de document que le résident présente. Une carte exige { $identity } points d’identité et { $residency } point(s) de résidence.
doc-points = { $identity } identité · { $residency } résidence
points-total = Points obtenus
points-identity = Points d’identité
points-residency = Points de résidence
points-met = condition remplie
points-missing = { $n ->
    [one] il manque { $n } point
   *[other] il manque { $n } points
}
enroll-documents-privacy = Regardez les documents, puis rendez-les. Seuls les types que vous cochez sont utilisés, pour calculer les points ; rien d’autre à leur sujet n’est saisi ni conservé.
enroll-details = Le résident
label-legal_name = Nom légal
hint-legal_name = Exactement comme le résident l’écrit, quelle que soit l’écriture.
label-preferred_name = Nom d’usage
hint-preferred_name = Le nom que le résident utilise, s’il est différent. Il est imprimé sous le nom légal.
label-date_of_birth = Date de naissance
hint-date_of_birth = Le résident doit avoir au moins { $age } ans.
label-gender = Mention du genre
hint-gender = Autodéclarée : demandez au résident et notez ce qu’il choisit. X convient à toute personne qui ne souhaite ni F ni M. Si aucune mention n’est choisie, rien n’est imprimé sur la carte à cet endroit.
gender-blank = Aucune (vide)
gender-f = F
gender-m = M
gender-x = X
enroll-address = Adresse sur la carte
hint-address = Une adresse de domicile, ou une ligne « aux bons soins de » pour le courrier reçu dans un foyer ou un organisme. Elle est imprimée au verso de la carte, puis supprimée.
label-confidential = Carte confidentielle : sans adresse, jamais envoyée par la poste, remise en main propre
hint-confidential = Pour un résident dont l’adresse ne doit pas être connue (une victime de violences, par exemple). La carte est imprimée sans adresse et n’est jamais envoyée par la poste : elle est remise ici, ou le résident la retire sur le site de son choix. Toute adresse enregistrée est supprimée.
address-none = Aucune adresse
address-home = Adresse du domicile
address-care-of = Aux bons soins d’un foyer ou d’un organisme
label-address_line1 = Numéro et rue
label-address_line2 = Appartement, étage (facultatif)
label-address_care_of = Foyer ou organisme
label-address_city = Ville
label-address_postal_code = Code postal
enroll-extras = Également sur la carte
label-language_1 = Langue parlée
label-language_2 = Deuxième langue parlée
language-none = Aucune
label-card_language = Deuxième langue sur la carte
hint-card_language = Les intitulés de la carte et le texte « en cas de perte » s’impriment en { $language }. Le résident peut aussi les faire imprimer dans l’une de ces langues, en dessous.
card-language-none = Aucune : { $language } uniquement
label-emergency_name = Nom du contact d’urgence
label-emergency_phone = Téléphone du contact d’urgence
label-veteran = Ancien combattant
label-organ_donor = Donneur d’organes
enroll-photo = Photo
hint-photo = De face, sur fond uni, sans couvre-chef sauf s’il est porté pour des raisons religieuses. Utilisez la caméra, ou choisissez un fichier JPEG ou PNG.
camera-denied = Le navigateur n’a pas autorisé l’accès à la caméra. Choisissez plutôt un fichier photo, ou autorisez la caméra et réessayez.
camera-none = Aucune caméra n’a pu être démarrée. Choisissez plutôt un fichier photo.
camera-ready = La caméra est allumée. Prenez la photo lorsque le résident est prêt.
camera-taken = Photo prise. Reprenez-la si nécessaire.
camera-live = Image de la caméra en direct
camera-start = Démarrer la caméra
camera-take = Prendre la photo
camera-retake = Reprendre la photo
label-photo = Fichier photo (JPEG ou PNG)
photo-kept = La photo envoyée précédemment est conservée. Choisissez-en une autre ou prenez-en une autre pour la remplacer.
photo-preview-alt = La photo qui sera imprimée sur la carte
photo-none-yet = Pas encore de photo
enroll-submit = Inscrire le résident

## Types de documents

doc-passport = Passeport
doc-consular_id = Carte d’identité consulaire
doc-drivers_license = Permis de conduire
doc-state_id = Carte d’identité de l’État (State ID)
doc-birth_certificate = Acte de naissance
doc-utility_bill = Facture d’eau, de gaz ou d’électricité
doc-lease = Bail ou contrat de location
doc-bank_statement = Relevé bancaire
doc-shelter_letter = Lettre d’un foyer ou d’un organisme

## Ce que le service refuse (les identifiants sont les codes d’erreur stables de l’API)

err-invalid_name = Saisissez un nom d’au moins une lettre et d’au plus 150 caractères, sur une seule ligne.
err-invalid_characters = Le caractère { $position } de « { $field } » est invisible, ou modifie le sens d’écriture ou la forme du texte qui l’entoure : un nom ne peut donc pas le contenir (il s’introduit souvent quand on colle un nom). Supprimez-le et retapez cette partie du nom.
err-invalid_date = Saisissez une date qui existe.
err-date_of_birth_in_future = La date de naissance est dans le futur.
err-below_minimum_age = Pour obtenir une carte, le résident doit avoir au moins { $age } ans.
err-invalid_gender = Choisissez F, M, X ou aucune mention.
err-invalid_language = Choisissez une langue dans la liste.
err-too_many_languages = La carte peut indiquer au plus deux langues.
err-invalid_phone = Un numéro de téléphone comporte de 3 à 20 chiffres, avec seulement + - ( ) . et des espaces en plus.
err-invalid_address = Indiquez soit une adresse de domicile avec sa rue, soit une ligne « aux bons soins de » (pas les deux), avec des lignes de 120 caractères au plus.
err-photo_too_large = La photo est trop volumineuse. Utilisez un fichier plus petit.
err-unsupported_photo_format = La photo doit être un fichier JPEG ou PNG.
err-invalid_photo = La photo n’a pas pu être lue. Reprenez-la ou choisissez un autre fichier.
err-photo_too_small = La photo est trop petite pour être imprimée. Reprenez-la de plus près, ou choisissez un fichier plus grand.
err-photo-missing = Prenez une photo ou choisissez un fichier photo.
err-insufficient_proof = Les documents cochés donnent { $identity } point(s) d’identité et { $residency } point(s) de résidence ; il en faut { $need_identity } et { $need_residency }.
err-insufficient_proof-none = Cochez les types de documents que le résident a présentés.
err-unknown_document_kind = Un type de document ne figure pas dans la liste. Rechargez la page et cochez à nouveau.
err-possible_duplicate = Un résident ayant le même nom légal et la même date de naissance est déjà inscrit.
err-payload_too_large = Le formulaire est trop volumineux. Utilisez une photo plus petite.
err-invalid_card_number = Un numéro de carte comporte 12 chiffres ; vérifiez qu’aucun chiffre n’a été mal saisi.
err-card_not_active = La carte est déjà révoquée ou a expiré.
err-resident_data_destroyed = Les données personnelles de ce résident ont été détruites conformément à la politique de conservation.
err-unsupported_script = Les polices de la carte ne permettent pas d’imprimer ce nom exactement : aucune carte n’a donc été délivrée. Demandez à un administrateur d’ajouter une police pour cette écriture.
err-unsupported_script-named = Le caractère { $position } de « { $field } » est dans une écriture que la carte ne peut pas imprimer ici ({ $script }) ; rien n’a été enregistré. Demandez à un administrateur d’ajouter une police pour cette écriture.
err-invalid_username = Un nom d’utilisateur comporte de 2 à 64 caractères : a–z, 0–9, « . », « _ » et « - ».
err-username_taken = Un compte avec ce nom d’utilisateur existe déjà.
err-own_account = Vous ne pouvez ni désactiver votre propre compte, ni vous retirer le rôle d’administrateur.
err-revoke-reason = Choisissez le motif de révocation de la carte.
err-does_not_fit = Ce champ est trop long pour tenir sur la carte, même dans la plus petite taille de caractères : aucune carte n’a donc été délivrée. Raccourcissez-le (le nom d’usage, par exemple) et réessayez.
err-changed_meanwhile = Quelqu’un d’autre a modifié ce dossier pendant que vous le modifiiez. Rien n’a été enregistré : rouvrez-le et refaites votre modification.
err-internal_error = Une erreur s’est produite de notre côté et rien n’a été enregistré. Réessayez ; si le problème se reproduit, prévenez un administrateur.
err-invalid_batch = Choisissez moins de cartes à imprimer en une seule fois.
err-invalid_field_type = Une valeur a été envoyée sous une forme incorrecte. Rechargez la page et réessayez.
err-invalid_format = Ce format n’est pas proposé. Choisissez-en un dans la liste.
err-invalid_query = L’adresse de cette page n’est pas valide. Revenez en arrière et réessayez.
err-invalid_value = Une valeur n’est pas valide. Vérifiez le champ signalé.
err-malformed_body = Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.
err-malformed_json = La requête n’a pas pu être lue. Rechargez la page et réessayez.
err-method_not_allowed = Cette page ne peut pas être utilisée de cette façon. Revenez en arrière et utilisez les boutons de la page.
err-missing_field = Un champ obligatoire est vide. Remplissez-le et réessayez.
err-not_authenticated = Votre session a pris fin. Reconnectez-vous.
err-password_change_required = Changez votre mot de passe avant de continuer.
err-request_timeout = Le formulaire a mis trop de temps à arriver et n’a pas été enregistré. Vérifiez la connexion et renvoyez-le.
err-too_many_connections = Trop de connexions simultanées depuis cet ordinateur. Patientez un instant et réessayez.
err-too_many_requests = Trop de vérifications depuis cet ordinateur. Patientez une minute et réessayez.
err-unknown_field = Le formulaire a envoyé un champ que ce service ne connaît pas. Rechargez la page et réessayez.
err-unsupported_media_type = Le formulaire a été envoyé sous une forme que ce service ne peut pas lire. Rechargez la page et réessayez.

## Rechercher un résident

find-title = Rechercher un résident
find-hint = Saisissez exactement le nom légal et la date de naissance. Seule une correspondance exacte est trouvée ; il n’existe aucune liste des résidents.
find-button = Rechercher
find-results = Résultat
find-several = { $count } dossiers correspondent. Ouvrez chacun d’eux pour les distinguer.
find-open-record = Dossier { $n }
find-none = Aucun résident ne correspond à ce nom légal et à cette date de naissance.
find-enroll-instead = Inscrire un nouveau résident

## Le dossier d’un résident

resident-title = Résident
action-issue = Délivrer une carte
action-edit = Modifier le nom ou l’adresse
photo-of-resident = La photo du résident
label-languages = Langues
label-emergency = Contact d’urgence
label-address = Adresse
address-none-kept = Aucune conservée (elle est supprimée dès que la carte est imprimée)
address-none-confidential = Aucune : une carte confidentielle ne porte pas d’adresse
label-proof = Documents
proof-met = Conditions d’identité et de résidence remplies
proof-not-met = Conditions non remplies
label-enrolled = Inscrit le
label-retained-until = Données conservées jusqu’au
cards-title = Cartes
card-number = Numéro de carte
card-status = Statut
card-issued = Délivrée le
card-expires = Expire le
card-reason = Motif
card-printed = Imprimée le
card-actions = Actions
status-active = Active
status-revoked = Révoquée
status-expired = Expirée
reason-new = Nouvelle carte
reason-renewal = Renouvellement
reason-replacement_lost = Remplacement : perte
reason-replacement_stolen = Remplacement : vol
reason-replacement_damaged = Remplacement : carte endommagée
reason-update = Mise à jour des informations
revoke-reason = Motif de révocation
revoke-lost = Perdue
revoke-stolen = Volée
revoke-damaged = Endommagée
revoke-issued_in_error = Délivrée par erreur
revoke-button = Révoquer la carte
no-cards = Aucune carte n’a encore été délivrée.
done-revoked = La carte a été révoquée. Les vérifications de cette carte répondent désormais « non valide ».
done-updated = Les informations ont été modifiées. Délivrez une carte mise à jour pour qu’elles soient imprimées.
nav-pickups = Retraits
card-delivery = Remise
mark-mailed = Marquer comme envoyée
mark-arrived = Arrivée ici
hand-over-checked = J’ai comparé le visage de la personne avec la photo de la carte
hand-over-button = Remettre
label-confidential-short = Carte confidentielle
confidential-yes = Oui : sans adresse, jamais envoyée par la poste, remise en main propre
stage-issued = Pas encore imprimée
stage-printed = Imprimée
stage-printed-mail = Imprimée, à envoyer par la poste
stage-printed-pickup = Imprimée, en route vers le site { $site }
stage-ready = Prête à être retirée sur le site { $site }
stage-collect-by = À retirer au plus tard le
card-stage = Où en est la carte
move-pickup-label = Retirer sur un autre site
move-pickup-button = Transférer
done-pickup-moved = La carte est désormais à retirer sur l’autre site ; un agent de ce site la marquera comme arrivée.
stage-handed_over = Remise
stage-mailed = Envoyée par la poste
stage-uncollected = Non retirée à temps : révoquée
stage-ready-here = Prête ici
stage-on-the-way = Imprimée, pas encore arrivée
pickups-title = Cartes à retirer ici
pickups-intro = { $ready ->
    [0] Aucune carte n’est prête ici
    [one] Une carte est prête ici
   *[other] { $ready } cartes sont prêtes ici
} et { $coming ->
    [0] aucune n’est en route.
    [one] une est en route.
   *[other] { $coming } sont en route.
}
pickups-hint = Retrouvez la carte du résident grâce à son numéro. Ne la remettez qu’à la personne dont le visage correspond à la photo de la carte. Une carte qui n’est pas retirée à la date prévue est révoquée et doit être détruite au broyeur.
pickups-caption = Cartes à retirer sur le site { $site }
pickups-none = Aucune carte n’attend d’être retirée ici.
done-arrived = La carte est marquée comme prête ici.
done-handed-over = La carte a été remise.
done-mailed = La carte est marquée comme envoyée.

## Modifier le nom ou l’adresse

edit-title = Modifier le nom ou l’adresse
edit-hint = Les nouvelles informations seront imprimées sur la prochaine carte délivrée.

## Vérification et impression

review-title = Vérifier la carte
review-hint = Vérifiez la carte avec le résident avant de la délivrer : les noms, la date de naissance et tout ce qui figure au verso.
review-warnings-title = À vérifier avant de délivrer la carte
warn-mixed_script = Un mot de « { $field } » mélange des lettres de plusieurs alphabets, par exemple une lettre cyrillique parmi des lettres latines. Certains noms s’écrivent ainsi ; comparez l’orthographe avec les documents avant de délivrer la carte.
steps-label = Progression
step-enroll = Inscription
step-review = Vérification
step-print = Impression
issue-reason = Pourquoi cette carte est-elle délivrée ?
issue-revokes-previous = La carte active du résident, s’il en a une, est révoquée lorsque celle-ci est délivrée.
issue-button = Délivrer la carte
open-record = Ouvrir le dossier du résident
preview-front = Recto de la carte
preview-back = Verso de la carte
preview-note = La carte est imprimée telle qu’elle apparaît ici. Le code QR est signé au moment de l’impression.
card-title = Carte
card-issued-title = Carte délivrée
card-issued-text = La carte { $number } est imprimée et active jusqu’au { $expires }. Remettez-la au résident.
card-issued-text-mail = La carte { $number } est imprimée et active jusqu’au { $expires }. Envoyez-la par la poste au résident, puis marquez-la comme envoyée dans le dossier du résident.
card-issued-text-ready = La carte { $number } est imprimée et attend ici, sur le site { $site }, que le résident vienne la retirer en personne au plus tard le { $date }.
card-issued-text-send = La carte { $number } est imprimée. Envoyez-la au site { $site }, où un agent la marquera comme arrivée et où le résident la retirera en personne.
card-delivered-text = La carte { $number } est active jusqu’au { $expires }. { $stage ->
    [mailed] Elle a été envoyée par la poste au résident.
   *[other] Elle a été remise au résident.
}
card-ready-title = Prête à imprimer
card-ready-text = La carte { $number } est délivrée. Imprimez-la sur l’imprimante à cartes.
card-not-active-title = Cette carte n’est pas active
card-not-active-text = Statut : { $status }. Elle ne peut pas être imprimée.
print-button = Imprimer la carte
print-again = Imprimer à nouveau
print-hint = La carte s’ouvre au format PDF dans un nouvel onglet ; imprimez-la depuis cet onglet avec la fenêtre d’impression du navigateur, sur l’imprimante à cartes, en taille réelle.
print-done = La carte a été imprimée
enroll-next = Inscrire le résident suivant

## Rapport de conservation

audit-title = Rapport de conservation
audit-as-of = À la date du
audit-show = Afficher
audit-intro = Ce que { $jurisdiction } conserve, par type de données, au regard de sa politique de conservation, au { $as_of }. Aucune donnée personnelle ne figure dans ce rapport.
audit-overdue-none = Aucune donnée n’est conservée au-delà de ce que prévoit la politique.
audit-overdue-some = { $count ->
    [one] { $count } enregistrement est conservé au-delà de ce que prévoit la politique.
   *[other] { $count } enregistrements sont conservés au-delà de ce que prévoit la politique.
}
audit-chain-intact = Chaîne d’audit intacte ({ $entries } entrées).
audit-chain-broken = Chaîne d’audit rompue à l’entrée { $first } (sur { $entries }).
audit-chain-checked = La purge de { $checked } UTC a parcouru toute la chaîne ; ce rapport a parcouru les entrées ajoutées depuis.
audit-downloads = Téléchargements
download-json = Rapport signé (JSON)
download-csv = Rapport au format CSV
download-pdf = Rapport imprimable (PDF)
audit-signed = Chaque téléchargement est signé : une copie peut ainsi être vérifiée plus tard avec « muni-id report verify ».
chart-title = L’enregistrement le plus ancien par rapport à la limite de la politique
chart-desc = Pour chaque type de données soumis à une limite en jours : l’âge de l’enregistrement conservé le plus ancien (barre) et la limite fixée par la politique (ligne). Une barre qui dépasse sa ligne correspond à des données conservées trop longtemps.
chart-legend-age = âge de l’enregistrement le plus ancien
chart-legend-limit = limite de la politique
chart-legend-over = conservé au-delà de la politique
chart-none-held = aucun conservé
chart-caption = { $age } sur { $limit ->
    [one] { $limit } jour
   *[other] { $limit } jours
}
class-card_face = Données de la carte (résidents ayant une carte)
class-unissued_residents = Inscrits sans carte délivrée
class-print_only_address = Adresse destinée uniquement à l’impression
class-audit_entries = Entrées d’audit
class-staff_sessions = Sessions du personnel
class-card_status = Statut des cartes
audit-classes = Données conservées
col-class = Type de données
col-policy = Politique
col-held = Conservés
col-oldest = Le plus ancien
col-overdue = En dépassement
col-destroyed = Détruits (30 jours)
audit-purges = Purges récentes
col-started = Début
col-trigger = Déclenchement
col-outcome = Résultat
col-residents-destroyed = Dossiers de résidents détruits
col-addresses-destroyed = Adresses détruites
col-epochs-destroyed = Époques de clé détruites
audit-no-purges = Aucune purge n’a encore été effectuée.
audit-keys = Clés
audit-keys-summary = Époques de clé qui protègent des données de résidents : { $live } ; époques vides préparées à l’avance : { $empty } ; époques détruites : { $destroyed }.
col-epoch = Époque
col-key-version = Version de clé
col-data-keys = Résidents
audit-reads = Consultations de données personnelles (30 jours)
col-role = Rôle
col-reads = Consultations
audit-staff-changes = Comptes du personnel créés, réinitialisés ou modifiés (30 jours)
audit-no-staff-changes = Aucun compte du personnel n’a été créé ni modifié.
col-when = Date et heure (UTC)
col-change = Modification
col-account = Compte
col-by = Par
staff-change-created = créé
staff-change-password_reset = mot de passe réinitialisé
staff-change-factors_reset = facteurs de connexion réinitialisés
staff-change-role_changed = rôle modifié
staff-change-disabled = désactivé
staff-change-enabled = réactivé
staff-change-by-cli = la ligne de commande
staff-change-by-system = le service, lors de son premier démarrage
audit-checks = Vérifications de cartes
audit-verifications = Vérifications de cartes sur 30 jours : { $checks } (valides : { $valid } ; non valides : { $not_valid }).

## Comptes du personnel

staff-title = Comptes du personnel
one-time-password = Mot de passe à usage unique pour { $username } :
one-time-password-hint = Remettez-le en personne à son titulaire. Il n’est affiché que maintenant ; la personne devra choisir son propre mot de passe lors de sa connexion.
staff-accounts = Comptes
col-state = État
col-created = Créé le
state-disabled = Désactivé
state-active = Actif
state-must-change = doit choisir un mot de passe
role-for = Rôle de { $username }
change-role = Changer le rôle
enable-account = Activer { $username }
disable-account = Désactiver { $username }
reset-password = Réinitialiser le mot de passe de { $username }
staff-add = Ajouter un compte
username-rule = De 2 à 64 caractères : a–z, 0–9, « . », « _ » et « - ».
label-initial-password = Mot de passe
initial-password-hint = Laissez vide pour générer un mot de passe à usage unique, que la personne devra changer à sa première connexion.
staff-add-button = Ajouter le compte
done-staff-added = Le compte { $username } a été ajouté.
done-role-changed = Le rôle de { $username } a été modifié ; ses sessions ont été fermées.
done-disabled = Le compte { $username } est désactivé et ses sessions sont fermées.
done-enabled = Le compte { $username } est de nouveau actif.
done-reset = Le mot de passe de { $username } a été réinitialisé ; ses sessions ont été fermées.

## Politique et clés

policy-title = Politique et clés
policy-intro = La configuration en vigueur, en lecture seule. Elle se modifie dans le fichier de configuration, pas ici.
policy-documents = Documents et points
policy-requirement = Une carte exige { $identity } points d’identité et { $residency } point(s) de résidence.
col-document = Document
col-code = Code
policy-rules = Règles
policy-minimum-age = Âge minimum pour obtenir une carte
policy-unissued = Conservation des inscrits sans carte délivrée
policy-grace = Conservation après la fin de la dernière carte
policy-address = Adresse
policy-address-kept = conservée avec les données de la carte
policy-address-destroyed = supprimée dès que la carte est imprimée
policy-audit = Conservation des entrées d’audit
policy-key-backups = Conservation maximale des sauvegardes du trousseau de clés
policy-ceiling = Plafond qu’aucune politique ne peut dépasser
policy-purge-interval = Intervalle entre deux purges
policy-sessions = Fin des sessions du personnel
policy-sessions-value = après { $idle } minutes d’inactivité, ou { $absolute } minutes après la connexion
policy-throttle = Limitation des tentatives de connexion
policy-throttle-value = { $failures } tentatives infructueuses par compte depuis une même adresse, puis une attente de { $first } secondes qui double à chaque fois, jusqu’à { $longest } minutes
days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
policy-keys = Versions des clés
policy-keys-summary = Époques de clé actives : { $live } ; époques détruites : { $destroyed }.
policy-epochs = Époques actives et leur version de clé actuelle
policy-destroyed = Époques détruites
policy-signing = Clés de signature des cartes (publiées)
policy-signing-current = signe actuellement
policy-config = Configuration en vigueur
policy-config-show = Afficher la configuration (secrets masqués)

# Les règles de conservation en toutes lettres, sur la page de l’auditeur ({ days } utilise $n).
class-policy-card_face = jusqu’à l’expiration ou la révocation de la dernière carte, puis { days } de plus
class-policy-unissued_residents = { days } après l’inscription
class-policy-print_only_address-kept = conservée avec les données de la carte
class-policy-print_only_address-destroyed = supprimée dès qu’une carte qui la porte est imprimée
class-policy-audit_entries = { days }
class-policy-staff_sessions = jusqu’à { $idle } minutes d’inactivité ou { $absolute } minutes après la connexion
class-policy-card_status = conservé tant que la carte peut être présentée ; l’index d’une carte révoquée n’est jamais réutilisé
audit-keys-statement = Toute copie de la base de données (une sauvegarde, une archive WAL, un disque volé) devient illisible { $w1 } mois après sa création, et un enregistrement devient illisible dans toutes les copies à la fin du mois où il arrive à échéance : les clés de données sont encapsulées au plus { $w } mois à l’avance, et les clés des mois écoulés sont détruites. Les copies du trousseau de clés sont conservées au plus { days }.

# Noms courts des lignes du graphique, et déclenchement et résultat des purges.
chart-label-card_face = Données de la carte
chart-label-unissued_residents = Sans carte délivrée
chart-label-audit_entries = Entrées d’audit
chart-label-staff_sessions = Sessions du personnel
purge-trigger-schedule = planifiée
purge-trigger-cli = depuis la ligne de commande
purge-outcome-running = en cours
purge-outcome-completed = terminée
purge-outcome-failed = échouée

## Second facteur

nav-account = Compte et connexion
factor-title = Deuxième étape de la connexion
factor-code = Code
factor-code-hint = Le code à six chiffres affiché en ce moment par votre application d’authentification, ou l’un de vos codes de récupération.
factor-button = Continuer
factor-start-again = Recommencer avec votre nom d’utilisateur
account-title = Compte et connexion
account-factors = Second facteur
factor-due = Configurez un second facteur au plus tard le { $date }. Passé ce jour, votre mot de passe seul ne vous permettra plus de vous connecter.
factor-set-up-now = Le configurer maintenant
factor-required-here = Votre rôle exige une connexion avec un second facteur.
factor-offered = Un second facteur protège votre compte même si quelqu’un découvre votre mot de passe.
factor-none = Vous n’avez pas encore de second facteur.
col-added = Ajout
col-last-used = Dernière utilisation
factor-kind-totp = Application d’authentification
factor-kind-passkey = Clé d’accès
password-to-confirm = Votre mot de passe, pour confirmer
factor-remove = Supprimer
factor-removed = Le facteur a été supprimé.
totp-add = Configurer une application d’authentification
totp-title = Configurer une application d’authentification
totp-step-scan = Dans votre application d’authentification, ajoutez un compte et scannez ce code.
totp-step-type = Si vous ne pouvez pas le scanner, saisissez plutôt cette clé :
totp-step-confirm = Saisissez le code à six chiffres que l’application affiche maintenant.
totp-code = Code à six chiffres
totp-confirm = Confirmer
totp-added = L’application d’authentification est configurée. Désormais, vous vous connectez avec votre mot de passe et un code fourni par l’application.
totp-qr-label = Code QR pour votre application d’authentification
recovery-title = Codes de récupération
recovery-left = { $count ->
        [0] Il ne vous reste aucun code de récupération inutilisé.
        [one] Il vous reste un seul code de récupération inutilisé.
       *[other] Il vous reste { $count } codes de récupération inutilisés.
    }
recovery-new = Générer de nouveaux codes de récupération
recovery-shown-once = Notez ou imprimez ces codes, et conservez-les en lieu sûr. Ils ne sont affichés que maintenant.
recovery-how = Si vous perdez votre téléphone, connectez-vous avec l’un de ces codes au lieu d’un code de l’application. Chaque code ne fonctionne qu’une fois. Générer de nouveaux codes annule ceux-ci.
err-totp-wrong-code = Ce code ne correspond pas à l’application en cours de configuration. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant.
err-factor-gone = Ce facteur ne figure plus sur votre compte. Recommencez.
err-factor-required = Votre rôle exige de conserver un second facteur. Configurez-en un autre avant de supprimer celui-ci, ou adressez-vous à un administrateur.
err-second_factor_required = Ce compte se connecte avec un second facteur.
err-invalid_second_factor = Ce code est incorrect ou a déjà été utilisé. Attendez le code suivant et réessayez.
err-second_factor_enrolment_overdue = Ce compte devait être doté d’un second facteur et le délai pour le configurer est dépassé. Demandez à un administrateur de réinitialiser votre second facteur.
state-second-factor = a un second facteur
state-no-second-factor = aucun second facteur
reset-factors = Réinitialiser le second facteur de { $username }
done-factors-reset = Le second facteur de { $username } a été supprimé ; ses sessions ont été fermées. La personne pourra en configurer un nouveau lors de sa prochaine connexion.
passkey-add = Ajouter une clé d’accès
passkey-why = La clé d’accès est le second facteur le plus sûr : votre téléphone, votre ordinateur ou votre clé de sécurité prouve que c’est bien vous, grâce à votre empreinte digitale, votre visage ou votre code PIN. Rien de ce qui permettrait d’ouvrir votre compte n’est conservé sur le serveur.
passkey-label = Nom de cette clé d’accès
passkey-label-hint = Pour distinguer vos clés d’accès, par exemple « ordinateur portable du travail » ou « clé de sécurité bleue ».
passkey-button = Ajouter une clé d’accès
passkey-added = La clé d’accès a été ajoutée.
passkey-needs-script = L’ajout d’une clé d’accès nécessite JavaScript dans ce navigateur.
passkey-unavailable-here = Les clés d’accès exigent que le service soit accessible par un nom de domaine (son adresse publique est une adresse IP). Utilisez plutôt une application d’authentification.
passkey-cancelled = La clé d’accès n’a pas été utilisée : la demande a été annulée ou le délai a expiré. Réessayez.
passkey-unsupported = Ce navigateur ne peut pas utiliser de clés d’accès. Utilisez une application d’authentification ou un code de récupération.
passkey-wrong-host = Les clés d’accès ne fonctionnent qu’à l’adresse propre de ce service. Ouvrez-le à cette adresse et réessayez.
passkey-use = Utiliser votre clé d’accès
passkey-or-code = Ou saisissez un code :
totp-why = Une application sur votre téléphone qui affiche un nouveau code à six chiffres toutes les 30 secondes.
err-passkeys-unavailable = Les clés d’accès exigent que le service soit accessible par un nom de domaine. Utilisez plutôt une application d’authentification.
err-passkey-refused = La clé d’accès n’a pas été acceptée. Réessayez.

# Authentification unique (le fournisseur d’identité de la ville)
sign-on-button = Se connecter avec { $name }
sign-on-or-password = Ou connectez-vous avec votre nom d’utilisateur et votre mot de passe :
break-glass-summary = Connexion d’urgence avec un mot de passe
break-glass-hint = Uniquement pour le compte administrateur d’urgence, lorsque le service de connexion de la ville ne fonctionne pas.
signed-on-title = Connexion réussie
signed-on-text = Votre connexion a réussi. Votre page va s’ouvrir.
signed-on-continue = Continuer
err-local_passwords_off = Le personnel se connecte avec le service de connexion de la ville, ci-dessus ; les mots de passe sont désactivés ici, sauf pour le compte administrateur d’urgence.
err-sign-on-unknown = Ce lien de connexion n’est plus valide : il a déjà été utilisé, il date de plus de dix minutes, ou il a été ouvert dans un autre navigateur. Recommencez.
err-sign-on-ended = La connexion a été annulée ou n’a pas abouti. Recommencez.
err-sign-on-unreachable = Le service de connexion de la ville est injoignable pour le moment. Réessayez dans quelques minutes, ou contactez l’assistance informatique.
err-sign-on-invalid = La réponse du service de connexion de la ville n’a pas été acceptée. Recommencez ; si le problème se reproduit, prévenez l’assistance informatique.
err-sign-on-no-account = Votre connexion auprès de la ville a réussi, mais aucun compte du personnel n’existe ici à votre nom. Demandez à un administrateur d’en créer un.
err-sign-on-no-role = Votre connexion auprès de la ville a réussi, mais aucun de vos groupes ne donne accès à ce service. Demandez à l’assistance informatique de vous ajouter au bon groupe.
err-sign-on-two-roles = Vos groupes à la ville vous donnent ici deux rôles différents. Demandez à l’assistance informatique de ne vous laisser que dans l’un d’eux.
account-signed-on = Vous vous connectez avec { $name }. Votre mot de passe et votre second facteur y sont gérés.
err-sign-on-no-username = Le service de connexion de la ville n’a pas indiqué à quel compte du personnel vous correspondez. Contactez l’assistance informatique.
err-sign-on-break-glass = Le compte administrateur d’urgence se connecte uniquement avec son mot de passe, ci-dessous.
err-sign-on-email-unverified = Le service de connexion de la ville n’a pas vérifié votre adresse e-mail. Contactez l’assistance informatique.
err-sign-on-no-second-factor = Connectez-vous auprès de la ville avec votre second facteur (par exemple votre téléphone ou votre clé de sécurité), puis réessayez.
err-sign-on-other-person = Dans le service de connexion de la ville, ce compte du personnel appartient à une autre personne. Demandez à un administrateur de réinitialiser sa connexion.
err-password-managed-elsewhere = Votre mot de passe et votre second facteur sont gérés par le service de connexion de la ville, pas ici.

# Vérification préalable des documents, pour les résidents (/check)
check-title = De quels documents ai-je besoin pour obtenir une carte d’identité municipale ?
check-intro = Pour obtenir une carte, vous présentez des documents qui prouvent qui vous êtes et que vous habitez dans la ville. Chaque document rapporte des points : il vous faut { $identity } { $identity ->
    [one] point
   *[other] points
} d’identité et { $residency } { $residency ->
    [one] point
   *[other] points
} de résidence.
check-nothing-kept = Cette page n’enregistre rien à votre sujet : ce que vous cochez n’est pas conservé, et personne à la ville ne le voit.
check-documents = Les documents dont vous disposez
check-hint = Cochez chaque type de document que vous pouvez apporter.
check-add-up = Calculer mes points
check-list = Ce que rapporte chaque document
check-bring = Au moment de votre demande, apportez les originaux des documents que vous avez cochés. Un agent les examine et vous les rend ; le programme ne garde aucune copie ni aucun numéro de document.
check-print = Pour emporter cette liste, imprimez cette page.
check-footer = Cette page provient du programme de carte d’identité municipale de la ville. Elle ne conserve rien à votre sujet.
reason-replacement_never_received = Remplacement : carte envoyée par la poste jamais reçue
err-outside_renewal_window = Un renouvellement n’est possible que dans la période qui va de peu avant l’expiration de la dernière carte du résident jusqu’à environ six mois après. En dehors de cette période, délivrez une nouvelle carte après avoir vérifié de nouveau les documents.

## Tranches d’âge, accompagnants, frais et exonérations
err-caretaker_required = Un résident de cet âge fait sa demande avec un parent, un tuteur légal ou un autre accompagnant. Indiquez qui l’accompagne.
err-caretaker_not_applicable = Un résident de cet âge fait sa demande seul : laissez vide « Personne accompagnant le résident ».
err-caretaker_identity_unchecked = Vérifiez l’identité de l’accompagnant, puis cochez la case qui l’atteste.
err-fee_required = Des frais de { $amount } { $currency } sont dus pour cette carte. Encaissez le paiement puis marquez les frais comme payés, ou marquez-les comme exonérés en indiquant une catégorie. Aucune carte n’a été délivrée.
err-unknown_waiver_category = Choisissez l’une des catégories d’exonération du programme.
label-caretaker = Personne accompagnant le résident
caretaker-minors-only = pour les mineurs
caretaker-required-ages = De { $from } à { $to } ans, la demande se fait avec un accompagnant.
caretaker-optional-ages = De { $from } à { $to } ans, la demande peut se faire seul ou avec un accompagnant.
caretaker-required-from = À partir de { $from } ans, les résidents font leur demande avec un accompagnant.
caretaker-optional-from = À partir de { $from } ans, les résidents peuvent faire leur demande seuls ou avec un accompagnant.
hint-caretaker = Notez uniquement le lien de l’accompagnant avec le résident. N’écrivez jamais son nom.
label-caretaker-relationship = Lien avec le résident
label-caretaker_identity_checked = J’ai vérifié l’identité de l’accompagnant
caretaker-none = Personne (demande seul)
relationship-parent = Parent
relationship-legal_guardian = Tuteur légal
relationship-other_caretaker = Autre accompagnant
policy-bands = Tranches d’âge et frais
policy-bands-intro = L’âge au jour de la demande ou de la délivrance détermine la tranche. Les frais sont indiqués en { $currency } ; le paiement est encaissé en dehors de ce service.
col-age-band = Tranche d’âge
col-ages = Âges
col-caretaker = Accompagnant
col-validity = Durée de validité de la carte
col-fee = Frais : { $class }
ages-from-to = De { $from } à { $to } ans
ages-from = { $from } ans et plus
caretaker-rule-required = obligatoire
caretaker-rule-optional = facultatif
caretaker-rule-none = demande seul
years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
}
policy-fee-reasons = Catégorie de frais selon le motif
policy-waivers = Catégories d’exonération
band-child = Enfant
band-youth = Jeune
band-adult = Adulte
band-senior = Senior
fee-class-card = Carte
fee-class-replacement = Remplacement
fee-class-free = Gratuit
waiver-low_income = Faibles revenus
waiver-homeless = Personne sans domicile
waiver-survivor_of_violence = Victime de violences
waiver-veteran = Ancien combattant
waiver-senior = Senior
waiver-youth = Jeune
issue-fee = Frais
issue-fee-hint = Encaissez d’abord le paiement à la caisse. Marquez ensuite les frais comme payés, ou comme exonérés en choisissant la catégorie. Rien n’est à faire lorsqu’il n’y a pas de frais.
delivery-legend = Comment la carte parvient au résident
delivery-hint = Remise immédiatement, envoyée par la poste à l’adresse enregistrée, ou retirée plus tard en personne sur un site.
delivery-hint-confidential = Cette carte est confidentielle : elle ne porte pas d’adresse et n’est jamais envoyée par la poste. Remettez-la ici une fois imprimée, ou le résident la retire en personne sur le site de son choix.
delivery-counter = Remise ici une fois imprimée
delivery-mail = Envoyée par la poste à l’adresse enregistrée
delivery-pickup = Retirée plus tard sur un site
delivery-pickup-site = Site où le résident la retire
delivery-pickup-site-none = Choisissez un site
issue-fee-table = Frais pour ce résident ({ $band })
issue-fee-amount = Montant ({ $currency })
fee-free = Gratuit
fee-paid = Payé
fee-waived = Exonéré
fee-waiver-category = Catégorie d’exonération
fee-waiver-none = Aucune
fee-no-evidence = Notez uniquement la catégorie. Ne notez pas et ne copiez pas le justificatif présenté.
err-no_card_to_replace = Le résident n’a aucune carte en cours de validité à remplacer (pour une carte jamais reçue : aucune carte imprimée pour être envoyée par la poste). Délivrez plutôt une nouvelle carte.
err-no_address_to_mail = Le résident n’a aucune adresse enregistrée à laquelle envoyer la carte. Ajoutez l’adresse, ou faites retirer la carte sur un site.
err-confidential_not_mailed = Une carte confidentielle n’est jamais envoyée par la poste : le résident la retire en personne, ici ou sur le site de son choix.
err-card_awaiting_mail = Une carte de ce résident attend d’être envoyée par la poste à son adresse. Révoquez-la d’abord (délivrée par erreur), puis cochez « Carte confidentielle » et délivrez une carte à remettre en main propre.
err-confidential_no_address = Une carte confidentielle ne porte aucune adresse : laissez l’adresse vide, ou décochez « Carte confidentielle ».
err-pickup_site_required = Choisissez le site ouvert où le résident retirera la carte.
err-not_picked_up_here = Cette carte doit être retirée sur un autre site.
err-holder_unchecked = Comparez le visage de la personne avec la photo de la carte, et cochez la case, avant de remettre la carte.
err-wrong_card_stage = La carte n’en est pas à l’étape requise (pas encore imprimée, pas encore arrivée sur son site, ou déjà remise).
program-title = Chiffres pour le conseil municipal
program-hint = Demandes, refus, cartes, frais et exonérations, et langues, comptés par mois. Tout chiffre inférieur à 11 est affiché « <11 », et d’autres chiffres sont masqués lorsqu’un total permettrait de le retrouver. Signé comme le rapport de conservation.
program-from = Début (mois)
program-to = Fin (mois)
program-by = Colonnes
program-by-month = Par mois
program-by-site = Par site
program-by-site-month = Par site et par mois
program-by-none = Toute la période
program-format = Format
program-format-pdf = Rapport imprimable avec graphiques (PDF)
program-format-csv = Données ouvertes (CSV)
program-format-json = Données signées (JSON)
program-download = Télécharger le rapport

## Sites
nav-sites = Sites
err-site_closed = Ce site est fermé, n’a pas encore ouvert, ou son dernier jour est passé : rien ne peut y être enregistré. Choisissez un autre site.
err-site_code_taken = Un site porte déjà ce code. Les codes ne sont jamais réutilisés : choisissez-en un autre.
err-site_not_allowed = Vous ne travaillez pas sur ce site. Demandez à un administrateur de l’ajouter à vos sites.
err-site_required = Choisissez d’abord le site où vous travaillez. Rien n’a été enregistré.
err-site-choose = Choisissez un site.
site-working-at = Site : { $site } (changer)
site-choose-link = Choisir votre site
sites-title = Sites
sites-intro = Centres d’inscription, bibliothèques de quartier et événements ponctuels. Chaque inscription, délivrance et impression de carte enregistre le site où elle a eu lieu ; le rapport pour le conseil municipal compte par site.
sites-list = Tous les sites
col-site = Site
col-site-kind = Type
col-site-dates = Ouverture
site-no-last-day = sans dernier jour
site-change = Modifier { $site }
label-site-name = Nom
label-site-code = Code
label-site-opens-on = Premier jour
label-site-closes-on = Dernier jour
site-save = Enregistrer
site-close = Fermer { $site }
sites-close-hint = Un site fermé le reste : plus rien n’y est enregistré, et le personnel qui y travaille choisit un autre site.
sites-none = Aucun site pour l’instant. Tant qu’aucun site n’est ajouté, les opérations sont enregistrées sans site.
site-add = Ajouter un site
site-code-rule = De 2 à 32 lettres minuscules, chiffres et traits d’union. Il figure dans le rapport pour le conseil municipal et n’est jamais réutilisé.
site-closes-hint = Un événement ponctuel doit avoir un dernier jour. Laissez ce champ vide pour un site permanent.
site-add-button = Ajouter le site
site-kind-centre = Centre d’inscription
site-kind-library = Bibliothèque de quartier
site-kind-popup = Événement ponctuel
site-state-upcoming = Pas encore ouvert
site-state-open = Ouvert
site-state-ended = Terminé
site-state-closed = Fermé
done-site-added = Le site { $site } a été ajouté.
done-site-changed = Le site { $site } a été modifié.
done-site-closed = Le site { $site } a été fermé. Plus rien n’y est enregistré.
site-choose-title = Où travaillez-vous aujourd’hui ?
site-choose-intro = Chaque inscription, délivrance et impression de carte que vous effectuez est enregistrée sur ce site.
site-choose-legend = Votre site
site-until = jusqu’au { $date }
site-choose-button = Travailler ici
site-none-open = Aucun de vos sites n’est ouvert aujourd’hui. Demandez à un administrateur de vous ajouter à un site ouvert.
col-sites = Sites
sites-any = Tout site ouvert
sites-assign = Sites de { $username }
sites-assign-hint = Ne cochez aucun site pour que le compte puisse travailler sur n’importe quel site ouvert.
sites-assign-button = Enregistrer les sites
done-sites-assigned = Les sites de { $username } ont été enregistrés.

## Gels judiciaires
nav-holds = Gels judiciaires
err-legal_hold_lifted = Ce gel a déjà été levé. Appliquez-en un nouveau si la décision est renouvelée.
holds-title = Gels judiciaires
holds-intro = Un gel judiciaire (une décision de justice ordonnant de conserver des enregistrements) empêche la purge de détruire les enregistrements qu’il couvre, jusqu’à sa levée. L’application et la levée d’un gel sont consignées dans le journal d’audit ; le rapport de conservation liste les gels en vigueur et compte les enregistrements gelés à part de ceux en dépassement.
holds-list = Gels
holds-none = Aucun gel judiciaire n’a été appliqué.
col-hold-reference = Référence
col-hold-scope = Enregistrements couverts
col-hold-placed = Appliqué le
col-hold-lifted = Levé le
hold-scope-all = Tous les enregistrements
hold-scope-enrolled_between = Inscrits du { $from } au { $to }
hold-scope-site = Inscrits sur le site { $site }
hold-in-force = En vigueur
hold-by = par { $username }
hold-lift = Lever le gel { $reference }
hold-place = Appliquer un gel
label-hold-reference = Référence de la décision
hold-reference-hint = Le numéro de la décision de justice ou de l’affaire. Jamais le nom d’une personne.
hold-scope-legend = Enregistrements couverts
hold-scope-choice-all = Tous les enregistrements
hold-scope-choice-enrolled_between = Résidents inscrits entre deux dates
hold-scope-choice-site = Résidents inscrits sur un site
label-hold-from = Du (pour les résidents inscrits entre deux dates)
label-hold-to = Au (pour les résidents inscrits entre deux dates)
label-hold-site = Site (pour les résidents inscrits sur un site)
hold-place-button = Appliquer le gel
done-hold-placed = Le gel { $reference } a été appliqué. Il couvre actuellement { $count ->
        [0] aucun enregistrement
        [one] un enregistrement
       *[other] { $count } enregistrements
    }.
done-hold-lifted = Le gel { $reference } a été levé. La prochaine purge détruira ce qui est arrivé à échéance et n’est couvert par aucun autre gel.
sites-not-applicable = Ne travaille sur aucun site (ce rôle ne tient pas de guichet)
err-under_legal_hold = Un gel judiciaire couvre cet enregistrement : ses informations ne peuvent être ni modifiées ni supprimées tant que le gel n’est pas levé. Rien n’a été modifié.
col-legal-hold = Sous gel judiciaire
audit-holds = { $holds ->
        [one] Un gel judiciaire est en vigueur
       *[other] { $holds } gels judiciaires sont en vigueur
    } : { $records ->
        [0] aucun enregistrement n’est conservé au-delà de sa date.
        [one] un enregistrement est conservé au-delà de sa date, sans être compté en dépassement.
       *[other] { $records } enregistrements sont conservés au-delà de leur date, sans être comptés en dépassement.
    }
audit-holds-link = Voir les gels

## Les mots imprimés sur la carte elle-même, tels que la carte les imprime (en majuscules
## quand la langue en a). La carte les imprime dans la langue de carte de la ville et, à la
## demande du résident, dans une deuxième langue en dessous : restez donc bref, un intitulé
## dispose d’environ 27 mm en corps 6.
card-face-title = CARTE D’IDENTITÉ
card-face-name = NOM
card-face-preferred-name = NOM D’USAGE
card-face-date-of-birth = DATE DE NAISSANCE
card-face-gender = GENRE
card-face-issued = DATE DE DÉLIVRANCE
card-face-expires = DATE D’EXPIRATION
card-face-card-number = N° DE CARTE
card-face-address = ADRESSE
card-face-languages = LANGUES
card-face-list-separator = {", "}
card-face-emergency-contact = CONTACT D’URGENCE
card-face-veteran = VÉTÉRAN
card-face-organ-donor = DON D’ORGANES
card-face-return-if-found = Si vous la trouvez, merci de la rapporter en mairie ou de la poster.
# $address est l’adresse de la page de vérification, « id.springfield.gov/v ».
card-face-verify-hint = Pour la vérifier, scannez le code ou allez sur { $address }
# Une date sur la carte : courte, et claire pour un lecteur de n’importe quel pays (« 7 avr. 1990 »).
# $month est l’un des messages card-face-month ci-dessous ; $day et $year sont des chiffres.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = janv.
card-face-month-2 = févr.
card-face-month-3 = mars
card-face-month-4 = avr.
card-face-month-5 = mai
card-face-month-6 = juin
card-face-month-7 = juil.
card-face-month-8 = août
card-face-month-9 = sept.
card-face-month-10 = oct.
card-face-month-11 = nov.
card-face-month-12 = déc.

## Les rapports en PDF imprimables : le rapport de conservation et les chiffres pour le conseil municipal

# $date est un jour écrit comme l’écrit date-long.
report-pdf-as-of = { $jurisdiction } — situation au { $date }
# $generated est une heure UTC comme « 2026-12-07 14:05 » ; $from et $to sont des jours.
report-pdf-generated = Généré le { $generated } UTC. Les consultations et les purges sont comptabilisées du { $from } au { $to }. Aucune donnée personnelle ne figure dans ce rapport.
report-held-counted = Les enregistrements conservés, le plus ancien de chaque type et les clés de données par époque ont été comptés lors de la purge de { $counted } UTC ; les sessions du personnel, les entrées du journal d’audit et les enregistrements en retard sont comptés au moment où ce rapport est établi.
report-pdf-chain = Chaîne d’audit
report-pdf-sealed = La tête de la chaîne a été scellée par une signature pour la dernière fois à l’entrée { $entry }.
report-pdf-unsealed = La tête de la chaîne n’a pas encore été scellée.
report-pdf-no-epochs = Aucune époque de clé ne protège de données de résidents.
# $epochs est une liste de mois comme « 2026-01 (destroyed 2026-03-01), 2026-02 (…) ».
report-pdf-destroyed-epochs = Époques de clé détruites : { $epochs }
report-pdf-none = aucune
report-pdf-started = Début (UTC)
col-audit-removed = Entrées d’audit supprimées
report-pdf-holds-none = Aucun gel judiciaire n’est en vigueur : chaque type de données est détruit dans les délais.
report-pdf-per-card = Aucune vérification n’est enregistrée carte par carte.
report-pdf-signature = Signature
# $alg vaut « ES256 » ; $kid est l’identifiant de la clé de signature.
report-pdf-signed = Signé avec { $alg } par la clé { $kid } ; la signature porte sur le JSON canonique de ce rapport.
report-pdf-unsigned = Ce rapport n’est pas signé.
report-pdf-check = Le JSON signé est contenu dans ce fichier, qui se termine par une signature portant sur ses propres octets. Vérifiez une copie avec « muni-id report verify FILE ».
# En pied de chaque page ; $report est le titre du rapport.
report-pdf-page = { $report } — page { $page } sur { $pages }
# $from et $to sont des mois écrits comme les écrit program-pdf-month.
program-pdf-period = { $jurisdiction } — { $from } à { $to }
# $columns est l’un des messages program-by (« Par mois »).
program-pdf-columns = Colonnes : { $columns }
program-pdf-generated = Généré le { $generated } UTC.
program-pdf-threshold = Les effectifs de 1 à { $below } sont affichés « <{ $threshold } ». Un chiffre marqué « masqué » n’est pas publié, afin qu’aucun petit effectif ne puisse être déduit des totaux.
program-pdf-counts-only = Chiffres uniquement : ce rapport ne nomme ni ne numérote aucune personne, aucune carte ni aucun membre du personnel.
program-pdf-nothing = Rien n’a été compté sur cette période.
program-pdf-category = Catégorie
program-pdf-total = Total
# Un chiffre masqué dans le tableau (voir program-pdf-threshold).
program-pdf-withheld = masqué
program-pdf-no-site = Aucun site enregistré
# Une colonne du tableau : $month est l’un des messages card-face-month, $year est en chiffres.
program-pdf-month = { $month } { $year }
# $category est l’un des messages waiver (« Faibles revenus »).
program-pdf-waived = Exonéré : { $category }
program-table-application = Demandes acceptées, par tranche d’âge
program-table-denial = Demandes refusées, par motif
program-table-card_issued = Cartes délivrées, par motif
program-table-fee = Frais de carte : payés, ou exonérés par catégorie
program-table-language = Langues demandées par les résidents
program-denial-insufficient_proof = Justificatifs d’identité ou de résidence insuffisants
program-denial-below_minimum_age = Âge inférieur à l’âge minimum
program-denial-caretaker_required = Demande sans accompagnant

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = amharique
lang-ar = arabe
lang-ase = langue des signes américaine
lang-bn = bengali
lang-bo = tibétain
lang-cmn = mandarin
lang-de = allemand
lang-el = grec
lang-en = anglais
lang-es = espagnol
lang-fa = persan
lang-ff = peul
lang-fil = filipino
lang-fr = français
lang-gu = goudjarati
lang-he = hébreu
lang-hi = hindi
lang-hmn = hmong
lang-ht = créole haïtien
lang-hu = hongrois
lang-hy = arménien
lang-it = italien
lang-ja = japonais
lang-ka = géorgien
lang-km = khmer
lang-ko = coréen
lang-ku = kurde
lang-lo = lao
lang-mam = mam
lang-mfs = langue des signes mexicaine
lang-ml = malayalam
lang-my = birman
lang-ne = népalais
lang-nl = néerlandais
lang-pa = pendjabi
lang-pl = polonais
lang-prs = dari
lang-ps = pachto
lang-pt = portugais
lang-quc = k’iche’
lang-ro = roumain
lang-ru = russe
lang-si = cingalais
lang-so = somali
lang-sq = albanais
lang-sw = swahili
lang-ta = tamoul
lang-te = télougou
lang-th = thaï
lang-ti = tigrigna
lang-tl = tagalog
lang-tr = turc
lang-uk = ukrainien
lang-ur = ourdou
lang-uz = ouzbek
lang-vi = vietnamien
lang-wo = wolof
lang-yi = yiddish
lang-yo = yoruba
lang-yue = cantonais
lang-zh = chinois
