<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AddParticipantDialog</name>
    <message>
        <source>Inscrire à « {event} »</source>
        <translation>Register for “{event}”</translation>
    </message>
    <message>
        <source>Aucun contact choisi</source>
        <translation>No contact chosen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Inscrire</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Cherchez puis choisissez un contact.</source>
        <translation>Search for a contact, then choose one.</translation>
    </message>
</context>
<context>
    <name>AmbassadorPanel</name>
    <message>
        <source>Choisissez un ambassadeur dans la liste pour voir sa fiche, ou inscrivez-en un nouveau avec « Nouvel ambassadeur… ».</source>
        <translation>Choose an ambassador in the list to see their sheet, or enrol a new one with “New ambassador…”.</translation>
    </message>
    <message>
        <source>Fiche contact</source>
        <translation>Contact sheet</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Gérer les rôles…</source>
        <translation>Manage roles…</translation>
    </message>
    <message>
        <source>Ville, quartier, département…</source>
        <translation>Town, neighbourhood, county…</translation>
    </message>
    <message>
        <source>Abonnés sur {network}</source>
        <translation>Followers on {network}</translation>
    </message>
    <message>
        <source>Enregistrer le profil</source>
        <translation>Save the profile</translation>
    </message>
    <message>
        <source>Rôles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Compétences</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Abonnés</source>
        <translation>Followers</translation>
    </message>
    <message>
        <source>Type d&apos;ambassadeur</source>
        <translation>Ambassador type</translation>
    </message>
    <message>
        <source>Notes internes</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <source>Parrainage</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Copier la signature e-mail</source>
        <translation>Copy the e-mail signature</translation>
    </message>
    <message>
        <source>Copie la signature avec le lien de parrainage (HTML et texte) pour la coller dans une messagerie</source>
        <translation>Copies the signature with the referral link (HTML and text) to paste into a mail program</translation>
    </message>
    <message>
        <source>Kit PDF…</source>
        <translation>PDF kit…</translation>
    </message>
    <message>
        <source>Lettre d&apos;accueil, guide, charte, affiches, cartes et autocollants avec son QR code</source>
        <translation>Welcome letter, guide, charter, posters, cards and stickers with their QR code</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Enregistrer une récompense…</source>
        <translation>Record a reward…</translation>
    </message>
    <message>
        <source>Récompenses</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Enregistrer une signature de la charte…</source>
        <translation>Record a charter signature…</translation>
    </message>
    <message>
        <source>Charte signée</source>
        <translation>Signed charter</translation>
    </message>
    <message>
        <source>{stage} depuis le {day} · niveau {level} · {points}</source>
        <translation>{stage} since {day} · level {level} · {points}</translation>
    </message>
    <message>
        <source>{stage} le {day}</source>
        <translation>{stage} on {day}</translation>
    </message>
    <message>
        <source>Aucune mission pour l&apos;instant (onglet Missions).</source>
        <translation>No mission yet (Missions tab).</translation>
    </message>
    <message>
        <source>Version {version} signée le {day} ({method})</source>
        <translation>Version {version} signed on {day} ({method})</translation>
    </message>
    <message>
        <source>Pas encore de charte signée.</source>
        <translation>No charter signed yet.</translation>
    </message>
</context>
<context>
    <name>AmbassadorTable</name>
    <message>
        <source>Prénom et nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type d&apos;ambassadeur</source>
        <translation>Ambassador type</translation>
    </message>
    <message>
        <source>Étape</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Parrainages</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Chercher un nom, un type, un niveau…</source>
        <translation>Search a name, a type, a level…</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Toutes les étapes</source>
        <translation>All stages</translation>
    </message>
</context>
<context>
    <name>AmbassadorsPage</name>
    <message>
        <source>Ambassadeurs</source>
        <extracomment>Contacts: a renamed or erased person changes the cards; contributions: the referrals. The sheet shown in the panel, once read.</extracomment>
        <translation>Ambassadors</translation>
    </message>
    <message>
        <source>Nouvel ambassadeur…</source>
        <translation>New ambassador…</translation>
    </message>
    <message>
        <source>Inscrire au programme une personne déjà dans vos contacts</source>
        <translation>Enrol someone already in your contacts</translation>
    </message>
    <message>
        <source>Brief 15 jours…</source>
        <translation>15-day brief…</translation>
    </message>
    <message>
        <source>Ce qu&apos;il y a à partager ces 15 prochains jours, à envoyer aux ambassadeurs</source>
        <translation>What to share over the next 15 days, to send to the ambassadors</translation>
    </message>
    <message>
        <source>Rôles…</source>
        <translation>Roles…</translation>
    </message>
    <message>
        <source>La liste des rôles qu&apos;un ambassadeur peut prendre</source>
        <translation>The roles an ambassador may take</translation>
    </message>
    <message>
        <source>Parcours</source>
        <translation>Journey</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Niveaux et classement</source>
        <translation>Levels and leaderboard</translation>
    </message>
    <message>
        <source>Charte</source>
        <translation>Charter</translation>
    </message>
    <message>
        <source>{name} : étape « {stage} ».</source>
        <translation>{name}: stage “{stage}”.</translation>
    </message>
    <message>
        <source>Fiche de {name} enregistrée.</source>
        <translation>{name}&apos;s sheet saved.</translation>
    </message>
    <message>
        <source>Nouvel ambassadeur inscrit comme candidat.</source>
        <translation>New ambassador enrolled as a candidate.</translation>
    </message>
    <message>
        <source>Récompense enregistrée.</source>
        <translation>Reward recorded.</translation>
    </message>
    <message>
        <source>Signature de la charte enregistrée.</source>
        <translation>Charter signature recorded.</translation>
    </message>
    <message>
        <source>Liste des rôles enregistrée.</source>
        <translation>List of roles saved.</translation>
    </message>
    <message>
        <source>Mission enregistrée.</source>
        <translation>Mission saved.</translation>
    </message>
    <message>
        <source>Mission marquée réalisée : elle attend la validation.</source>
        <translation>Mission marked done: it awaits approval.</translation>
    </message>
    <message>
        <source>Mission « {title} » validée.</source>
        <translation>Mission “{title}” approved.</translation>
    </message>
    <message>
        <source>Mission « {title} » refusée.</source>
        <translation>Mission “{title}” refused.</translation>
    </message>
    <message>
        <source>Règles des niveaux enregistrées.</source>
        <translation>Level rules saved.</translation>
    </message>
    <message>
        <source>Nouvelle version de la charte publiée.</source>
        <translation>New charter version published.</translation>
    </message>
    <message>
        <source>Signature copiée : collez-la dans les réglages de votre messagerie.</source>
        <translation>Signature copied: paste it into your mail program&apos;s settings.</translation>
    </message>
</context>
<context>
    <name>AmbassadorsPanel</name>
    <message>
        <source>Aucun ambassadeur pour l&apos;instant.</source>
        <translation>No ambassador yet.</translation>
    </message>
    <message>
        <source>Inscrivez vos premiers candidats depuis la page Ambassadeurs, à partir de vos contacts.</source>
        <translation>Enrol your first candidates from your contacts, on the Ambassadors page.</translation>
    </message>
    <message>
        <source>Actifs : &lt;b&gt;%1&lt;/b&gt; sur %2</source>
        <translation>Active: &lt;b&gt;%1&lt;/b&gt; out of %2</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Journal des actions sensibles</source>
        <translation>Log of sensitive actions</translation>
    </message>
    <message>
        <source>Tous les profils</source>
        <translation>All profiles</translation>
    </message>
    <message>
        <source>Toutes les actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Tous les résultats</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Sur</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Exporter en CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Lecture du journal…</source>
        <translation>Reading the log…</translation>
    </message>
    <message>
        <source>Les {count} entrées les plus récentes.</source>
        <translation>The {count} most recent entries.</translation>
    </message>
    <message>
        <source>Exporter le journal</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <source>Fichiers CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <source>Brief des ambassadeurs (15 jours)</source>
        <extracomment>(first day) -&gt; (html, text), run off the UI thread. (file, &quot;html&quot; or &quot;text&quot;, first day): the brief written there, off the UI thread.</extracomment>
        <translation>Ambassadors&apos; brief (15 days)</translation>
    </message>
    <message>
        <source>Ce qu&apos;il y a à partager pendant les 15 jours qui viennent, tiré du calendrier éditorial, et les missions ouvertes. Copiez-le dans votre outil d&apos;e-mailing ou enregistrez-le.</source>
        <translation>What to share over the next 15 days, from the editorial calendar, and the open missions. Copy it into your mailing tool or save it.</translation>
    </message>
    <message>
        <source>Mise en forme</source>
        <translation>Formatted</translation>
    </message>
    <message>
        <source>Texte brut</source>
        <translation>Plain text</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Enregistrer…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Préparation du brief…</source>
        <translation>Preparing the brief…</translation>
    </message>
    <message>
        <source>Copié !</source>
        <translation>Copied!</translation>
    </message>
    <message>
        <source>Enregistrer le brief</source>
        <translation>Save the brief</translation>
    </message>
    <message>
        <source>Page HTML (*.html);;Texte (*.txt)</source>
        <translation>HTML page (*.html);;Text (*.txt)</translation>
    </message>
    <message>
        <source>Enregistré dans « {path} ».</source>
        <translation>Saved in “{path}”.</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>lundi</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>mardi</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>mercredi</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>jeudi</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>vendredi</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>samedi</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>dimanche</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>CampaignDashboardView</name>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Prix</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Choisie</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Stock restant</source>
        <translation>Stock left</translation>
    </message>
    <message>
        <source>illimité</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>Collecté</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Objectif atteint</source>
        <translation>Goal reached</translation>
    </message>
    <message>
        <source>Jours restants</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Contributeurs</source>
        <translation>Backers</translation>
    </message>
    <message>
        <source>Nouveaux contacts</source>
        <translation>New contacts</translation>
    </message>
    <message>
        <source>Part de chaque cercle</source>
        <translation>Share of each circle</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cercle&lt;/b&gt;</source>
        <translation>&lt;b&gt;Circle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Montant&lt;/b&gt;</source>
        <translation>&lt;b&gt;Amount&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contributeurs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Backers&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rapprocher des contributeurs du grand public…</source>
        <translation>Bring general-public backers closer…</translation>
    </message>
    <message>
        <source>Rapport de campagne (PDF)…</source>
        <translation>Campaign report (PDF)…</translation>
    </message>
    <message>
        <source>Contreparties les plus choisies</source>
        <translation>Most chosen rewards</translation>
    </message>
    <message>
        <source>sur {goal}</source>
        <translation>of {goal}</translation>
    </message>
    <message>
        <source>aucun objectif fixé</source>
        <translation>no goal set</translation>
    </message>
    <message>
        <source>pas de date de fin</source>
        <translation>no end date</translation>
    </message>
    <message>
        <source>fin le {day}</source>
        <translation>ends on {day}</translation>
    </message>
    <message>
        <source>{count} contributions</source>
        <translation>{count} contributions</translation>
    </message>
    <message>
        <source>arrivés par cette campagne</source>
        <translation>who came through this campaign</translation>
    </message>
    <message>
        <source>Remboursé : {amount} (hors total).</source>
        <translation>Refunded: {amount} (not in the total).</translation>
    </message>
    <message>
        <source>En attente : {amount} (hors total).</source>
        <translation>Pending: {amount} (not in the total).</translation>
    </message>
    <message>
        <source>Proches et communauté : {amount}, soit {share} de l&apos;objectif (repère habituel : ~30 %).</source>
        <translation>Close circle and community: {amount}, that is {share} of the goal (usual benchmark: ~30 %).</translation>
    </message>
    <message>
        <source>Les premiers 30 % venaient à {share} des cercles proches.</source>
        <translation>The first 30 % came {share} from the inner circles.</translation>
    </message>
    <message>
        <source>Aucun contributeur du grand public à rapprocher</source>
        <translation>No general-public backer to bring closer</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Modifier la campagne</source>
        <translation>Edit campaign</translation>
    </message>
    <message>
        <source>Nouvelle campagne</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plateforme</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Objectif</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Début de la préparation</source>
        <translation>Preparation starts</translation>
    </message>
    <message>
        <source>Lancement</source>
        <translation>Launch</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Présentation</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>CampaignPaceChart</name>
    <message>
        <source>Rythme de collecte</source>
        <translation>Funding pace</translation>
    </message>
    <message>
        <source>Aucune contribution pour l&apos;instant.</source>
        <translation>No contribution yet.</translation>
    </message>
    <message>
        <source>{amount} collectés au {day}</source>
        <translation>{amount} raised by {day}</translation>
    </message>
    <message>
        <source>projection au rythme actuel : {amount} le {day}</source>
        <translation>at the current pace: {amount} on {day}</translation>
    </message>
    <message>
        <source>Le rythme de collecte s&apos;affichera dès la première contribution.</source>
        <translation>The funding pace will show from the first contribution.</translation>
    </message>
    <message>
        <source>Collecté (cumul par jour)</source>
        <translation>Raised (running total per day)</translation>
    </message>
    <message>
        <source>Ligne droite vers l&apos;objectif</source>
        <translation>Straight line to the goal</translation>
    </message>
    <message>
        <source>Projection au rythme actuel</source>
        <translation>Projection at the current pace</translation>
    </message>
</context>
<context>
    <name>CampaignTables</name>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Choisie</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <source>Stock restant</source>
        <translation>Stock left</translation>
    </message>
    <message>
        <source>illimité</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <source>Livraison estimée</source>
        <translation>Estimated delivery</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Contributeur</source>
        <translation>Backer</translation>
    </message>
    <message>
        <source>(anonyme)</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <source> (anonyme)</source>
        <translation> (anonymous)</translation>
    </message>
    <message>
        <source>Paiement</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>terminée</source>
        <extracomment>What the list and a campaign&apos;s tabs show: its checklist and proposals follow contacts&apos; circles and touch points; contributions show backers&apos; names.</extracomment>
        <translation>ended</translation>
    </message>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plateforme</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Collecté</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Objectif</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Jours restants</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Contributeurs</source>
        <translation>Backers</translation>
    </message>
    <message>
        <source>Campagnes</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Chercher une campagne…</source>
        <translation>Search a campaign…</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Nouvelle campagne…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Importer des contributions…</source>
        <translation>Import contributions…</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Contreparties</source>
        <translation>Rewards</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>Avant le lancement</source>
        <translation>Before the launch</translation>
    </message>
    <message>
        <source>Envoi des contreparties</source>
        <translation>Reward fulfilment</translation>
    </message>
    <message>
        <source>Choisissez une campagne dans la liste, ou créez-en une.</source>
        <translation>Choose a campaign in the list, or create one.</translation>
    </message>
    <message>
        <source>Campagne « {name} » créée.</source>
        <translation>Campaign “{name}” created.</translation>
    </message>
    <message>
        <source>Campagne « {name} » enregistrée.</source>
        <translation>Campaign “{name}” saved.</translation>
    </message>
    <message>
        <source>Contrepartie « {title} » ajoutée.</source>
        <translation>Reward “{title}” added.</translation>
    </message>
    <message>
        <source>Contrepartie « {title} » enregistrée.</source>
        <translation>Reward “{title}” saved.</translation>
    </message>
    <message>
        <source>Contrepartie supprimée.</source>
        <translation>Reward deleted.</translation>
    </message>
    <message>
        <source>Contribution ajoutée.</source>
        <translation>Contribution added.</translation>
    </message>
    <message>
        <source>Contribution mise à jour.</source>
        <translation>Contribution updated.</translation>
    </message>
    <message>
        <source>Liste d&apos;envoi des contreparties</source>
        <translation>Reward shipping list</translation>
    </message>
    <message>
        <source>Fichiers CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export de la liste d&apos;envoi…</source>
        <translation>Exporting the shipping list…</translation>
    </message>
</context>
<context>
    <name>CharterEditorDialog</name>
    <message>
        <source>Modèles de charte</source>
        <translation>Charter templates</translation>
    </message>
    <message>
        <source>Charte des ambassadeurs</source>
        <translation>Ambassador charter</translation>
    </message>
    <message>
        <source>Charte d&apos;expression des collaborateurs</source>
        <translation>Staff expression charter</translation>
    </message>
    <message>
        <source>&lt;b&gt;# Titre&lt;/b&gt; sur la première ligne, &lt;b&gt;Version : …&lt;/b&gt; (facultatif), puis le préambule. &lt;b&gt;## Section&lt;/b&gt; ouvre une section ; &lt;b&gt;1.&lt;/b&gt; ou &lt;b&gt;-&lt;/b&gt; en début de ligne : un engagement. Les deux premières sections d&apos;engagements sont celles des deux parties. **gras**, _italique_ ; {organisation} est remplacé par le nom de votre organisation.</source>
        <translation>&lt;b&gt;# Title&lt;/b&gt; on the first line, &lt;b&gt;Version: …&lt;/b&gt; (optional), then the preamble. &lt;b&gt;## Section&lt;/b&gt; starts a section; &lt;b&gt;1.&lt;/b&gt; or &lt;b&gt;-&lt;/b&gt; at the start of a line: a commitment. The first two sections of commitments are those of the two parties. **bold**, _italic_; {organisation} is replaced by the name of your organisation.</translation>
    </message>
    <message>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revenir au modèle fourni</source>
        <translation>Back to the supplied template</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Modèle de votre organisation</source>
        <translation>Your organisation’s template</translation>
    </message>
    <message>
        <source>Modèle fourni avec CommunityDesk</source>
        <translation>Template supplied with CommunityDesk</translation>
    </message>
    <message>
        <source>Modèle enregistré : {title}.</source>
        <translation>Template saved: {title}.</translation>
    </message>
    <message>
        <source>Le modèle fourni est de nouveau utilisé.</source>
        <translation>The supplied template is used again.</translation>
    </message>
    <message>
        <source>Aperçu de la charte…</source>
        <translation>Preview the charter…</translation>
    </message>
</context>
<context>
    <name>CharterVersionDialog</name>
    <message>
        <source>Nouvelle version de la charte</source>
        <translation>New charter version</translation>
    </message>
    <message>
        <source>Charte des ambassadeurs</source>
        <translation>Ambassadors&apos; charter</translation>
    </message>
    <message>
        <source>Un engagement par ligne. Une fois publiée, la nouvelle version devra être signée à nouveau par les ambassadeurs accueillis et actifs.</source>
        <translation>One commitment per line. Once published, the new version must be signed again by welcomed and active ambassadors.</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>L&apos;ambassadeur s&apos;engage à</source>
        <translation>The ambassador commits to</translation>
    </message>
    <message>
        <source>L&apos;association s&apos;engage à</source>
        <translation>The organisation commits to</translation>
    </message>
    <message>
        <source>Publier</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Donnez un titre à la charte.</source>
        <translation>Give the charter a title.</translation>
    </message>
</context>
<context>
    <name>CharterView</name>
    <message>
        <source>L&apos;ambassadeur s&apos;engage à</source>
        <translation>The ambassador commits to</translation>
    </message>
    <message>
        <source>L&apos;association s&apos;engage à</source>
        <translation>The organisation commits to</translation>
    </message>
    <message>
        <source>Version {version}, publiée le {day}</source>
        <translation>Version {version}, published on {day}</translation>
    </message>
    <message>
        <source>Publier une nouvelle version…</source>
        <translation>Publish a new version…</translation>
    </message>
    <message>
        <source>À faire signer</source>
        <translation>To be signed</translation>
    </message>
    <message>
        <source>Ambassadeurs accueillis ou actifs qui n&apos;ont pas signé la dernière version. Double-cliquez pour ouvrir la fiche et enregistrer la signature.</source>
        <translation>Welcomed or active ambassadors who have not signed the latest version. Double-click to open the sheet and record the signature.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>v{version} · {day}</source>
        <translation>v{version} · {day}</translation>
    </message>
    <message>
        <source>Aucune charte publiée : publiez la première version.</source>
        <translation>No charter published: publish the first version.</translation>
    </message>
    <message>
        <source>À faire signer ({count})</source>
        <translation>To be signed ({count})</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>&lt;b&gt;Pas encore prévenus&lt;/b&gt; (proches d&apos;abord)</source>
        <translation>&lt;b&gt;Not told yet&lt;/b&gt; (close circle first)</translation>
    </message>
    <message>
        <source>par courriel</source>
        <translation>by e-mail</translation>
    </message>
    <message>
        <source>par téléphone</source>
        <translation>by phone</translation>
    </message>
    <message>
        <source>de vive voix</source>
        <translation>in person</translation>
    </message>
    <message>
        <source>lors d&apos;un événement</source>
        <translation>at an event</translation>
    </message>
    <message>
        <source>autrement (note)</source>
        <translation>otherwise (note)</translation>
    </message>
    <message>
        <source>Noter comme prévenus</source>
        <translation>Mark as told</translation>
    </message>
    <message>
        <source>Prévenus</source>
        <translation>Told</translation>
    </message>
    <message>
        <source>Un contact proche ou de la communauté compte comme prévenu s&apos;il a, depuis le {day} (début de la préparation), un échange qui cite « {name} » ou une contribution à la campagne.</source>
        <translation>A contact of the close circle or the community counts as told if, since {day} (start of the preparation), they have an exchange mentioning “{name}” or a contribution to the campaign.</translation>
    </message>
    <message>
        <source>{told} prévenus sur {total}</source>
        <translation>{told} told out of {total}</translation>
    </message>
    <message>
        <source>Repère : les premiers ~30 % de l&apos;objectif viennent d&apos;habitude des proches et de la communauté, soit {target} ici. Ils ont donné {given} pour l&apos;instant.</source>
        <translation>Benchmark: the first ~30 % of the goal usually comes from the close circle and the community, that is {target} here. They have given {given} so far.</translation>
    </message>
</context>
<context>
    <name>CircleRings</name>
    <message>
        <source>Cercles</source>
        <translation>Circles</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choisir une couleur</source>
        <translation>Choose a colour</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Bientôt</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Cette partie de CommunityDesk n&apos;est pas encore construite : rien n&apos;y est affiché pour faire semblant. Vos données actuelles ne sont pas concernées.</source>
        <translation>This part of CommunityDesk is not built yet: nothing is shown here just for show. Your current data is not affected.</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <source>Mission réalisée : {title}</source>
        <translation>Mission done: {title}</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Lien de la preuve</source>
        <translation>Link to the proof</translation>
    </message>
    <message>
        <source>Ou fichier</source>
        <translation>Or file</translation>
    </message>
    <message>
        <source>Réalisée le</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Preuve de la mission</source>
        <translation>Proof of the mission</translation>
    </message>
    <message>
        <source>Indiquez le jour où la mission a été réalisée.</source>
        <translation>Give the day the mission was done.</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Finalité</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Donné le</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Texte accepté</source>
        <translation>Accepted wording</translation>
    </message>
    <message>
        <source>Recueilli par</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>en cours</source>
        <translation>active</translation>
    </message>
    <message>
        <source>retiré le {day}</source>
        <translation>withdrawn on {day}</translation>
    </message>
</context>
<context>
    <name>ConsentsPanel</name>
    <message>
        <source>Lettre d&apos;information, photos, partage aux partenaires…</source>
        <translation>Newsletter, photos, sharing with partners…</translation>
    </message>
    <message>
        <source>La phrase exacte que la personne a acceptée</source>
        <translation>The exact sentence the person accepted</translation>
    </message>
    <message>
        <source>Formulaire, feuille d&apos;émargement, e-mail…</source>
        <translation>Form, sign-in sheet, e-mail…</translation>
    </message>
    <message>
        <source>Enregistrer le consentement</source>
        <translation>Record the consent</translation>
    </message>
    <message>
        <source>Retirer le consentement choisi</source>
        <translation>Withdraw the chosen consent</translation>
    </message>
    <message>
        <source>Finalité</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Texte accepté</source>
        <translation>Accepted wording</translation>
    </message>
    <message>
        <source>Recueilli par</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Un consentement retiré reste listé : c&apos;est la preuve de ce qui était permis, et quand.</source>
        <translation>A withdrawn consent stays listed: it is the proof of what was allowed, and when.</translation>
    </message>
</context>
<context>
    <name>ContactCampaignsModel</name>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ContactCampaignsPanel</name>
    <message>
        <source>Aucune contribution à une campagne.</source>
        <translation>No contribution to a campaign.</translation>
    </message>
    <message>
        <source>Total des contributions validées : {total} ({campaigns})</source>
        <translation>Total of valid contributions: {total} ({campaigns})</translation>
    </message>
</context>
<context>
    <name>ContactFilterBar</name>
    <message>
        <source>Rechercher un nom, un e-mail, un téléphone, une ville, un tag… (Ctrl+F)</source>
        <translation>Search a name, an e-mail, a phone, a town, a tag… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Rechercher des contacts</source>
        <translation>Search contacts</translation>
    </message>
    <message>
        <source>Tous les tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Aucun segment</source>
        <translation>No segment</translation>
    </message>
    <message>
        <source>Personnes et organisations</source>
        <translation>People and organisations</translation>
    </message>
    <message>
        <source>Personnes</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>À relancer</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <source>Contacts sans échange depuis plus longtemps que le rythme de leur cercle</source>
        <translation>Contacts with no exchange for longer than the rhythm of their circle</translation>
    </message>
    <message>
        <source>Ambassadeurs</source>
        <translation>Ambassadors</translation>
    </message>
    <message>
        <source>Détracteurs</source>
        <translation>Critics</translation>
    </message>
    <message>
        <source>Enregistrer comme segment…</source>
        <translation>Save as segment…</translation>
    </message>
    <message>
        <source>Garder ces filtres sous un nom, pour les campagnes, exports et PDF</source>
        <translation>Keep these filters under a name, for campaigns, exports and PDFs</translation>
    </message>
    <message>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>ContactImportWizard</name>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Contacts créés : {n}</source>
        <translation>Contacts created: {n}</translation>
    </message>
    <message>
        <source>Contacts mis à jour : {n}</source>
        <translation>Contacts updated: {n}</translation>
    </message>
    <message>
        <source>Lignes fusionnées (même personne plusieurs fois dans le fichier) : {n}</source>
        <translation>Lines merged (same person several times in the file): {n}</translation>
    </message>
    <message>
        <source>Lignes ignorées (contact déjà connu, rien à changer) : {n}</source>
        <translation>Lines skipped (contact already known, nothing to change): {n}</translation>
    </message>
    <message>
        <source>Lignes en erreur, non importées : {n}</source>
        <translation>Lines in error, not imported: {n}</translation>
    </message>
    <message>
        <source>Importer des contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Aucun</source>
        <extracomment>(typed text) -&gt; [(contact id, name, circle label)], run off the UI thread.</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <source>Tapez un nom pour choisir parmi vos contacts…</source>
        <translation>Type a name to choose among your contacts…</translation>
    </message>
</context>
<context>
    <name>ContactSheet</name>
    <message>
        <source>Nouveau contact</source>
        <extracomment>What a sheet shows: the contact, its circle and moves, touch points, tags, consents, contributions.</extracomment>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Consentements (RGPD)</source>
        <translation>Consents (GDPR)</translation>
    </message>
    <message>
        <source>Campagnes</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Enregistrer la fiche (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Exporter tout sur cette personne…</source>
        <translation>Export everything about this person…</translation>
    </message>
    <message>
        <source>Effacer (RGPD)…</source>
        <translation>Erase (GDPR)…</translation>
    </message>
    <message>
        <source>Fiche contact</source>
        <translation>Contact record</translation>
    </message>
    <message>
        <source>Fait connaître le projet autour de lui ou d&apos;elle</source>
        <translation>Spreads the word about the project</translation>
    </message>
    <message>
        <source>Exprime des critiques (gardé visible, jamais caché)</source>
        <translation>Voices criticism (kept visible, never hidden)</translation>
    </message>
    <message>
        <source>séparés par des virgules : bénévole, presse…</source>
        <translation>separated by commas: volunteer, press…</translation>
    </message>
    <message>
        <source>Ce qui s&apos;est dit ou passé (Ctrl+T)</source>
        <translation>What was said or happened (Ctrl+T)</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Double-clic ou clic droit sur un échange pour le modifier ou le supprimer</source>
        <translation>Double-click or right-click an exchange to edit or delete it</translation>
    </message>
    <message>
        <source>Nouvel échange</source>
        <translation>New exchange</translation>
    </message>
    <message>
        <source>Ce contact a été effacé (RGPD) : sa fiche ne peut plus être modifiée.</source>
        <translation>This contact was erased (GDPR): the record can no longer be edited.</translation>
    </message>
    <message>
        <source>Ambassadeur : %1</source>
        <translation>Ambassador: %1</translation>
    </message>
    <message>
        <source>%1 depuis le %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message>
        <source>niveau %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <source>code de parrainage %1</source>
        <translation>referral code %1</translation>
    </message>
    <message>
        <source>ambassadeur</source>
        <translation>ambassador</translation>
    </message>
    <message>
        <source>détracteur</source>
        <translation>critic</translation>
    </message>
    <message>
        <source>archivé</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>Fiche de {name}</source>
        <translation>Record of {name}</translation>
    </message>
    <message>
        <source>Il entre dans le cercle choisi ci-dessous (grand public par défaut).</source>
        <translation>They join the circle chosen below (general public by default).</translation>
    </message>
    <message>
        <source>« {name} » a déjà l&apos;e-mail {email} et le téléphone {phone}.</source>
        <translation>“{name}” already has the e-mail {email} and the phone {phone}.</translation>
    </message>
    <message>
        <source>« {name} » a déjà l&apos;e-mail {email}.</source>
        <translation>“{name}” already has the e-mail {email}.</translation>
    </message>
    <message>
        <source>« {name} » a déjà le téléphone {phone}.</source>
        <translation>“{name}” already has the phone {phone}.</translation>
    </message>
    <message>
        <source>Contact peut-être déjà enregistré</source>
        <translation>Contact perhaps already recorded</translation>
    </message>
    <message>
        <source>Ouvrez sa fiche pour éviter un doublon. S&apos;il s&apos;agit bien d&apos;une autre personne (une famille partage souvent un téléphone fixe), enregistrez quand même.</source>
        <translation>Open their record to avoid a duplicate. If this really is another person (a family often shares a landline), save anyway.</translation>
    </message>
    <message>
        <source>Ouvrir la fiche de {name}</source>
        <translation>Open the record of {name}</translation>
    </message>
    <message>
        <source>Enregistrer quand même</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pas encore enregistré : {warning}</source>
        <translation>Not saved yet: {warning}</translation>
    </message>
    <message>
        <source>Contact créé.</source>
        <translation>Contact created.</translation>
    </message>
    <message>
        <source>Modifications enregistrées.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>Fiche modifiée par ailleurs</source>
        <translation>Record changed elsewhere</translation>
    </message>
    <message>
        <source>Recharger la fiche affiche les valeurs enregistrées par l&apos;autre personne ; votre saisie sera alors perdue. Vous pouvez aussi la garder à l&apos;écran pour la recopier.</source>
        <translation>Reloading the record shows the values saved by the other person; what you typed will then be lost. You can also keep it on screen to copy it over.</translation>
    </message>
    <message>
        <source>Recharger la fiche</source>
        <translation>Reload the record</translation>
    </message>
    <message>
        <source>Garder ma saisie</source>
        <translation>Keep what I typed</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Modifier l&apos;échange</source>
        <translation>Edit the exchange</translation>
    </message>
    <message>
        <source>Échange modifié.</source>
        <translation>Exchange updated.</translation>
    </message>
    <message>
        <source>Échange du {day} supprimé.</source>
        <translation>Exchange of {day} deleted.</translation>
    </message>
    <message>
        <source>Échange remis dans l&apos;historique.</source>
        <translation>Exchange put back in the history.</translation>
    </message>
    <message>
        <source>PDF lisible (*.pdf)</source>
        <translation>Readable PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporter tout sur cette personne</source>
        <translation>Export everything about this person</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Droit d&apos;accès : un PDF lisible ou un fichier JSON avec tout ce qui est gardé</source>
        <translation>Right of access: a readable PDF or a JSON file with everything kept</translation>
    </message>
    <message>
        <source>Tout ce qui est gardé sur cette personne est dans {path}</source>
        <translation>Everything kept about this person is in {path}</translation>
    </message>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Cette fiche a des modifications non enregistrées. Les abandonner ?</source>
        <translation>This record has unsaved changes. Discard them?</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <source>À relancer</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <source>à relancer</source>
        <translation>to follow up</translation>
    </message>
    <message>
        <source>Cliquez pour trier</source>
        <extracomment>Shown first, left to right, until the user moves them (the model&apos;s order stays).</extracomment>
        <translation>Click to sort</translation>
    </message>
</context>
<context>
    <name>ContactTableView</name>
    <message>
        <source>Colonnes affichées</source>
        <translation>Columns shown</translation>
    </message>
    <message>
        <source>Colonnes par défaut</source>
        <translation>Default columns</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <extracomment>What the list (&quot;à relancer&quot; follows the rhythms in the settings), the rings and the filter bar show. From how many contacts a bulk move shows a progress bar (and can be cancelled). How long « Annuler » stays offered after a move.</extracomment>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Créer une fiche (Ctrl+N)</source>
        <translation>Create a record (Ctrl+N)</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Importer un fichier CSV (Excel) ou vCard</source>
        <translation>Import a CSV (Excel) or vCard file</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exporter la liste affichée en CSV (Excel) ou vCard</source>
        <translation>Export the list shown as CSV (Excel) or vCard</translation>
    </message>
    <message>
        <source>Doublons…</source>
        <translation>Duplicates…</translation>
    </message>
    <message>
        <source>Repérer et fusionner les contacts en double</source>
        <translation>Find and merge duplicate contacts</translation>
    </message>
    <message>
        <source>Copier les e-mails</source>
        <translation>Copy e-mails</translation>
    </message>
    <message>
        <source>Les adresses de la liste affichée, seulement des contacts qui ont consenti aux e-mails</source>
        <translation>The addresses of the list shown, only of contacts who consented to e-mails</translation>
    </message>
    <message>
        <source>Tags et segments…</source>
        <translation>Tags and segments…</translation>
    </message>
    <message>
        <source>Renommer, fusionner ou supprimer des tags et des segments</source>
        <translation>Rename, merge or delete tags and segments</translation>
    </message>
    <message>
        <source>Tous les cercles</source>
        <translation>All circles</translation>
    </message>
    <message>
        <source>Rapprocher</source>
        <translation>Bring closer</translation>
    </message>
    <message>
        <source>Vers un cercle plus proche (Ctrl+Haut)</source>
        <translation>To a closer circle (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Éloigner</source>
        <translation>Move out</translation>
    </message>
    <message>
        <source>Vers un cercle plus large (Ctrl+Bas)</source>
        <translation>To a wider circle (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Cliquez sur un cercle pour n&apos;afficher que ses contacts. Glissez des contacts de la liste sur un cercle pour les y déplacer.</source>
        <translation>Click a circle to show only its contacts. Drag contacts from the list onto a circle to move them there.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Aucune base ouverte.</source>
        <translation>No database open.</translation>
    </message>
    <message>
        <source>Aucun contact ne correspond</source>
        <translation>No matching contact</translation>
    </message>
    <message>
        <source>Aucun contact ne correspond à cette recherche. Essayez moins de lettres, ou « Effacer les filtres ».</source>
        <translation>No contact matches this search. Try fewer letters, or “Clear filters”.</translation>
    </message>
    <message>
        <source>Aucun contact</source>
        <translation>No contact</translation>
    </message>
    <message>
        <source>Pas encore de contact : créez-en un (Ctrl+N) ou importez un fichier CSV d&apos;Excel ou vCard de votre téléphone (« Importer… »).</source>
        <translation>No contact yet: create one (Ctrl+N) or import a CSV file from Excel or a vCard from your phone (“Import…”).</translation>
    </message>
    <message>
        <source>{count} contact correspond</source>
        <translation>{count} contact matches</translation>
    </message>
    <message>
        <source>{count} contact</source>
        <translation>{count} contact</translation>
    </message>
    <message>
        <source>{count} contacts correspondent</source>
        <translation>{count} contacts match</translation>
    </message>
    <message>
        <source>{count} contacts</source>
        <translation>{count} contacts</translation>
    </message>
    <message>
        <source>Déplacement annulé : aucun contact n&apos;a changé de cercle.</source>
        <translation>Move cancelled: no contact changed circle.</translation>
    </message>
    <message>
        <source>Déplacement des contacts…</source>
        <translation>Moving the contacts…</translation>
    </message>
    <message>
        <source>Enregistrer comme segment</source>
        <translation>Save as segment</translation>
    </message>
    <message>
        <source>Nom du segment (réutilisable pour les campagnes, exports et PDF) :</source>
        <translation>Segment name (reusable for campaigns, exports and PDFs):</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Segment « {name} » enregistré.</source>
        <translation>Segment “{name}” saved.</translation>
    </message>
    <message>
        <source>Import terminé.</source>
        <translation>Import finished.</translation>
    </message>
</context>
<context>
    <name>ContributionDialog</name>
    <message>
        <source>Ajouter une contribution</source>
        <translation>Add a contribution</translation>
    </message>
    <message>
        <source>Nom affiché (facultatif)</source>
        <translation>Display name (optional)</translation>
    </message>
    <message>
        <source>Sans contrepartie</source>
        <translation>No reward</translation>
    </message>
    <message>
        <source>Contribution anonyme</source>
        <translation>Anonymous contribution</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Contributeur</source>
        <translation>Backer</translation>
    </message>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Paiement</source>
        <translation>Payment</translation>
    </message>
</context>
<context>
    <name>ContributionImportWizard</name>
    <message>
        <source>Importer des contributions</source>
        <translation>Import contributions</translation>
    </message>
    <message>
        <source>Vérification du fichier…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Import des contributions…</source>
        <translation>Importing contributions…</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ContributionsView</name>
    <message>
        <source>Chercher un contributeur, une contrepartie, une référence…</source>
        <translation>Search a backer, a reward, a reference…</translation>
    </message>
    <message>
        <source>Ajouter une contribution…</source>
        <translation>Add a contribution…</translation>
    </message>
    <message>
        <source>Marquer remboursée</source>
        <translation>Mark refunded</translation>
    </message>
    <message>
        <source>Marquer annulée</source>
        <translation>Mark cancelled</translation>
    </message>
    <message>
        <source>Marquer validée</source>
        <translation>Mark confirmed</translation>
    </message>
    <message>
        <source>{count} contributions, dont {valid} validées ({amount}).</source>
        <translation>{count} contributions, {valid} of them confirmed ({amount}).</translation>
    </message>
</context>
<context>
    <name>CurrentDatabase</name>
    <message>
        <source>Création de la base de démonstration…</source>
        <extracomment>What the dashboard&apos;s figures count: a change of any of these reads them again. Contacts in the demo opened by ``communitydesk --demo``: lively, yet ready in seconds. Commits closer together than this reach the screens as one change.</extracomment>
        <translation>Creating the demo database…</translation>
    </message>
    <message>
        <source>Ouverture de la base…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Ouverture annulée : aucune base n&apos;est ouverte.</source>
        <translation>Opening cancelled: no database is open.</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir la base</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Mise à jour de la base… une sauvegarde a été faite</source>
        <translation>Updating the database… a backup was made</translation>
    </message>
    <message>
        <source>Création de la base…</source>
        <translation>Creating the database…</translation>
    </message>
    <message>
        <source>Nouvelle base de démonstration ; la précédente est gardée dans {path}</source>
        <translation>New demo database; the previous one is kept in {path}</translation>
    </message>
    <message>
        <source>Aucune base n&apos;est ouverte.</source>
        <translation>No database is open.</translation>
    </message>
    <message>
        <source>Sauvegarde automatique faite : %1</source>
        <translation>Automatic backup made: %1</translation>
    </message>
    <message>
        <source>Sauvegarde automatique impossible : %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Relire les chiffres de la base (F5)</source>
        <translation>Read the figures again (F5)</translation>
    </message>
    <message>
        <source>Vos cercles</source>
        <translation>Your circles</translation>
    </message>
    <message>
        <source>Aucun contact pour l&apos;instant : la base est vide.</source>
        <translation>No contact yet: the database is empty.</translation>
    </message>
    <message>
        <source>Bientôt</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Base : {name} — chiffres lus à {time}</source>
        <translation>Database: {name} — figures read at {time}</translation>
    </message>
    <message>
        <source>Base : {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Ouverture de la base…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Aucune base n&apos;est ouverte.</source>
        <translation>No database is open.</translation>
    </message>
    <message>
        <source>Ouvrez une autre base avec Fichier › Ouvrir une base… (Ctrl+O).</source>
        <translation>Open another database with File › Open a database… (Ctrl+O).</translation>
    </message>
    <message>
        <source>Aucune base n&apos;est ouverte. Ouvrez-en une avec Fichier › Ouvrir une base… (Ctrl+O).</source>
        <translation>No database is open. Open one with File › Open a database… (Ctrl+O).</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents PDF</source>
        <translation>PDF documents</translation>
    </message>
    <message>
        <source>Charte (ambassadeurs ou collaborateurs)</source>
        <translation>Charter (ambassadors or staff)</translation>
    </message>
    <message>
        <source>Rapport de communauté</source>
        <translation>Community report</translation>
    </message>
    <message>
        <source>Rapport éditorial</source>
        <translation>Editorial report</translation>
    </message>
    <message>
        <source>Liste de contacts</source>
        <translation>Contact list</translation>
    </message>
    <message>
        <source>Annuaire pour un événement</source>
        <translation>Directory for an event</translation>
    </message>
    <message>
        <source>Rapport de campagne</source>
        <translation>Campaign report</translation>
    </message>
    <message>
        <source>Suivi des contreparties (liste à cocher)</source>
        <translation>Reward checklist (to tick)</translation>
    </message>
    <message>
        <source>Kit ambassadeur (lettre, guide, charte, affiches, cartes)</source>
        <translation>Ambassador kit (letter, guide, charter, posters, cards)</translation>
    </message>
    <message>
        <source>Kit d&apos;événement (feuille d&apos;émargement, badges, affiche, cartes, inscrits)</source>
        <translation>Event kit (sign-in sheet, badges, poster, cards, registered people)</translation>
    </message>
    <message>
        <source>Bilan d&apos;un événement</source>
        <translation>Event report</translation>
    </message>
    <message>
        <source>Charte</source>
        <translation>Charter</translation>
    </message>
    <message>
        <source>Charte des ambassadeurs</source>
        <translation>Ambassador charter</translation>
    </message>
    <message>
        <source>Charte d&apos;expression des collaborateurs</source>
        <translation>Staff expression charter</translation>
    </message>
    <message>
        <source>laisser vide pour l&apos;écrire à la main</source>
        <translation>leave empty to write it by hand</translation>
    </message>
    <message>
        <source>Modifier le modèle…</source>
        <translation>Edit the template…</translation>
    </message>
    <message>
        <source>Modèle</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Nom du signataire</source>
        <translation>Name of the signatory</translation>
    </message>
    <message>
        <source>Pour l&apos;organisation</source>
        <translation>For the organisation</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Au (inclus)</source>
        <translation>To (included)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Tous les cercles</source>
        <translation>All circles</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tous les ambassadeurs actifs</source>
        <translation>Every active ambassador</translation>
    </message>
    <message>
        <source>Tous les tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Kit ambassadeur</source>
        <translation>Ambassador kit</translation>
    </message>
    <message>
        <source>Pour</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Kit ou bilan d&apos;événement</source>
        <translation>Event kit or report</translation>
    </message>
    <message>
        <source>Colonnes</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>(nom affiché)</source>
        <translation>(name shown)</translation>
    </message>
    <message>
        <source>Générer</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Aucun (tous les contacts)</source>
        <translation>None (all contacts)</translation>
    </message>
    <message>
        <source>Ouvrez une base pour générer des documents.</source>
        <translation>Open a database to generate documents.</translation>
    </message>
    <message>
        <source>Aucun événement dans cette base : créez-en un dans la page Événements.</source>
        <translation>No event in this database: create one on the Events page.</translation>
    </message>
    <message>
        <source>Génération en cours…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Génération du PDF…</source>
        <translation>Generating the PDF…</translation>
    </message>
    <message>
        <source>Le document n&apos;a pas pu être généré</source>
        <translation>The document could not be generated</translation>
    </message>
    <message>
        <source>Génération annulée.</source>
        <translation>Generation cancelled.</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Un essai à blanc de l&apos;import : rien n&apos;est encore enregistré.</source>
        <translation>A dry run of the import: nothing is saved yet.</translation>
    </message>
    <message>
        <source>Vérification en cours…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
</context>
<context>
    <name>DuplicatePairsModel</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Doublon probable</source>
        <translation>Probable duplicate</translation>
    </message>
    <message>
        <source>Pourquoi</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Doublons</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Recherche des doublons…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Pas un doublon</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <source>Ces deux fiches sont deux personnes : ne plus les proposer</source>
        <translation>These two records are two people: do not suggest them again</translation>
    </message>
    <message>
        <source>Annuler la dernière fusion</source>
        <translation>Undo the last merge</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Remettre « {name} » comme avant la fusion</source>
        <translation>Put “{name}” back as before the merge</translation>
    </message>
    <message>
        <source>Aucun doublon probable : chaque fiche semble décrire une personne différente.</source>
        <translation>No probable duplicate: each record seems to describe a different person.</translation>
    </message>
    <message>
        <source>Fiches fusionnées.</source>
        <translation>Records merged.</translation>
    </message>
    <message>
        <source>Gardés en secondaire : {values}.</source>
        <translation>Kept as secondary: {values}.</translation>
    </message>
    <message>
        <source>Ajoutés aux notes : {values}.</source>
        <translation>Added to the notes: {values}.</translation>
    </message>
    <message>
        <source>« Annuler la dernière fusion » les sépare à nouveau.</source>
        <translation>“Undo the last merge” separates them again.</translation>
    </message>
    <message>
        <source>Paire écartée : elle ne sera plus proposée.</source>
        <translation>Pair dismissed: it will not be suggested again.</translation>
    </message>
    <message>
        <source>Fusion annulée : les deux fiches sont revenues.</source>
        <translation>Merge undone: both records are back.</translation>
    </message>
</context>
<context>
    <name>EditorialLineDialog</name>
    <message>
        <source>Ligne éditoriale</source>
        <translation>Editorial line</translation>
    </message>
    <message>
        <source>Chaleureux, concret, on tutoie…</source>
        <translation>Warm, concrete, informal…</translation>
    </message>
    <message>
        <source>Couleurs, polices, logo, style des visuels…</source>
        <translation>Colours, fonts, logo, style of the visuals…</translation>
    </message>
    <message>
        <source>Ton</source>
        <translation>Tone</translation>
    </message>
    <message>
        <source>Publics visés</source>
        <translation>Target audiences</translation>
    </message>
    <message>
        <source>Identité visuelle</source>
        <translation>Visual identity</translation>
    </message>
    <message>
        <source>Autres consignes</source>
        <translation>Other guidelines</translation>
    </message>
    <message>
        <source>Pilier</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Montrer les piliers archivés</source>
        <translation>Show archived pillars</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Renommer / décrire…</source>
        <translation>Rename / describe…</translation>
    </message>
    <message>
        <source>Couleur…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Utilisé</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Toutes les … semaines</source>
        <translation>Every … weeks</translation>
    </message>
    <message>
        <source>Adresse du compte</source>
        <translation>Account address</translation>
    </message>
    <message>
        <source>Objectif de régularité : par exemple LinkedIn 2 publications toutes les 1 semaine, la lettre d&apos;information 1 toutes les 2 semaines. 0 : pas d&apos;objectif.</source>
        <translation>Regularity target: for example LinkedIn 2 posts every 1 week, the newsletter 1 every 2 weeks. 0: no target.</translation>
    </message>
    <message>
        <source>Enregistrer ce nombre</source>
        <translation>Save this number</translation>
    </message>
    <message>
        <source>Notez le nombre d&apos;abonnés de temps en temps (chaque mois) : le rapport en tire la croissance.</source>
        <translation>Note the number of followers from time to time (every month): the report works out the growth from it.</translation>
    </message>
    <message>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Abonnés</source>
        <translation>Followers</translation>
    </message>
    <message>
        <source>Ton et publics</source>
        <translation>Tone and audiences</translation>
    </message>
    <message>
        <source>Piliers</source>
        <translation>Pillars</translation>
    </message>
    <message>
        <source>Réseaux et objectifs</source>
        <translation>Networks and targets</translation>
    </message>
    <message>
        <source>Enregistrer ton, publics et réseaux</source>
        <translation>Save tone, audiences and networks</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name} (archivé)</source>
        <translation>{name} (archived)</translation>
    </message>
    <message>
        <source>Pilier « {name} » enregistré.</source>
        <translation>Pillar “{name}” saved.</translation>
    </message>
    <message>
        <source>Nouveau pilier</source>
        <translation>New pillar</translation>
    </message>
    <message>
        <source>Nom du pilier :</source>
        <translation>Name of the pillar:</translation>
    </message>
    <message>
        <source>Renommer le pilier</source>
        <translation>Rename the pillar</translation>
    </message>
    <message>
        <source>Décrire le pilier</source>
        <translation>Describe the pillar</translation>
    </message>
    <message>
        <source>Ce que ce pilier raconte :</source>
        <translation>What this pillar talks about:</translation>
    </message>
    <message>
        <source>Couleur du pilier</source>
        <translation>Colour of the pillar</translation>
    </message>
    <message>
        <source>Pilier « {name} » archivé.</source>
        <translation>Pillar “{name}” archived.</translation>
    </message>
    <message>
        <source>Pilier « {name} » rétabli.</source>
        <translation>Pillar “{name}” brought back.</translation>
    </message>
    <message>
        <source>Ligne éditoriale enregistrée.</source>
        <translation>Editorial line saved.</translation>
    </message>
    <message>
        <source>Nombre d&apos;abonnés enregistré.</source>
        <translation>Number of followers saved.</translation>
    </message>
</context>
<context>
    <name>EditorialPage</name>
    <message>
        <source>Calendrier éditorial</source>
        <extracomment>Campaign days and events are context in the cells; segments are audiences a post may target.</extracomment>
        <translation>Editorial calendar</translation>
    </message>
    <message>
        <source>Nouvelle publication…</source>
        <translation>New post…</translation>
    </message>
    <message>
        <source>Sur le jour choisi dans le calendrier (Ctrl+N)</source>
        <translation>On the day chosen in the calendar (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ligne éditoriale…</source>
        <translation>Editorial line…</translation>
    </message>
    <message>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Semaine</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Revenir à aujourd&apos;hui (T)</source>
        <translation>Back to today (T)</translation>
    </message>
    <message>
        <source>Période précédente (Page précédente)</source>
        <translation>Previous period (Page Up)</translation>
    </message>
    <message>
        <source>Période suivante (Page suivante)</source>
        <translation>Next period (Page Down)</translation>
    </message>
    <message>
        <source>Idées sans date</source>
        <translation>Ideas without a date</translation>
    </message>
    <message>
        <source>Glissez une idée sur un jour pour la planifier ; glissez une publication ici pour lui retirer sa date.</source>
        <translation>Drag an idea onto a day to plan it; drag a post here to take its date away.</translation>
    </message>
    <message>
        <source>Semaine du {first} au {last}</source>
        <translation>Week from {first} to {last}</translation>
    </message>
    <message>
        <source>Publication remise dans les idées sans date.</source>
        <translation>Post put back among the ideas without a date.</translation>
    </message>
    <message>
        <source>Publication déplacée au {day}.</source>
        <translation>Post moved to {day}.</translation>
    </message>
    <message>
        <source>Publication « {title} » enregistrée.</source>
        <translation>Post “{title}” saved.</translation>
    </message>
    <message>
        <source>« {title} » : {status}.</source>
        <translation>“{title}”: {status}.</translation>
    </message>
    <message>
        <source>Supprimer la publication</source>
        <translation>Delete the post</translation>
    </message>
    <message>
        <source>Supprimer « {title} » ? Ses résultats et son historique seront perdus.</source>
        <translation>Delete “{title}”? Its results and history will be lost.</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Publication supprimée.</source>
        <translation>Post deleted.</translation>
    </message>
    <message>
        <source>Importer le tableur de publications de l&apos;équipe (CSV)</source>
        <translation>Import the team&apos;s spreadsheet of posts (CSV)</translation>
    </message>
    <message>
        <source>Agenda (ICS) de la période affichée…</source>
        <translation>Calendar (ICS) of the period shown…</translation>
    </message>
    <message>
        <source>Agenda (ICS) de toutes les publications datées…</source>
        <translation>Calendar (ICS) of every dated post…</translation>
    </message>
    <message>
        <source>Plan de publication (CSV pour Excel)…</source>
        <translation>Publication plan (CSV for Excel)…</translation>
    </message>
    <message>
        <source>Rapport éditorial (PDF)…</source>
        <translation>Editorial report (PDF)…</translation>
    </message>
    <message>
        <source>Exporter l&apos;agenda des publications</source>
        <translation>Export the calendar of posts</translation>
    </message>
    <message>
        <source>Agendas iCalendar (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>Export de l&apos;agenda…</source>
        <translation>Exporting the calendar…</translation>
    </message>
    <message>
        <source>Exporter le plan de publication</source>
        <translation>Export the publication plan</translation>
    </message>
    <message>
        <source>Fichiers CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export du plan…</source>
        <translation>Exporting the plan…</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Nouvel ambassadeur</source>
        <translation>New ambassador</translation>
    </message>
    <message>
        <source>Tapez un nom, un e-mail, une ville…</source>
        <translation>Type a name, an e-mail, a town…</translation>
    </message>
    <message>
        <source>Aucun contact choisi</source>
        <translation>No contact chosen</translation>
    </message>
    <message>
        <source>La personne doit déjà être dans vos contacts. Elle entre au programme comme « candidat » et reçoit son code de parrainage.</source>
        <translation>The person must already be in your contacts. They join the programme as a “candidate” and get their referral code.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Type d&apos;ambassadeur</source>
        <translation>Ambassador type</translation>
    </message>
    <message>
        <source>Inscrire</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Cherchez puis choisissez un contact dans la liste.</source>
        <translation>Search, then choose a contact in the list.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Effacer (RGPD)</source>
        <translation>Erase (GDPR)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Effacement définitif de « {name} ».&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Son identité, ses coordonnées, son adresse, ses notes, le contenu de ses échanges et les raisons de ses changements de cercle seront effacés ; ses consentements seront retirés. Seuls des chiffres anonymes restent (combien de contacts par cercle, combien d&apos;échanges par mois). Cela ne peut pas être annulé.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Permanent erasure of “{name}”.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Their identity, contact details, address, notes, the content of their exchanges and the reasons for their circle changes will be erased; their consents will be withdrawn. Only anonymous figures remain (how many contacts per circle, how many exchanges per month). This cannot be undone.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Effacer définitivement</source>
        <translation>Erase permanently</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pour confirmer, tapez son nom : {name}</source>
        <translation>To confirm, type their name: {name}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Modifier l&apos;événement</source>
        <translation>Edit the event</translation>
    </message>
    <message>
        <source>Nouvel événement</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Réunion publique de rentrée, stand au marché…</source>
        <translation>Back-to-school public meeting, market stall…</translation>
    </message>
    <message>
        <source>18:30</source>
        <translation>18:30</translation>
    </message>
    <message>
        <source>20:00</source>
        <translation>20:00</translation>
    </message>
    <message>
        <source>de</source>
        <translation>from</translation>
    </message>
    <message>
        <source>à</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Salle des fêtes, Maison des associations…</source>
        <translation>Village hall, community centre…</translation>
    </message>
    <message>
        <source>https://… (inscription ou informations : le QR code de l&apos;affiche)</source>
        <translation>https://… (registration or information: the poster&apos;s QR code)</translation>
    </message>
    <message>
        <source>Aucun organisateur choisi</source>
        <translation>No organiser chosen</translation>
    </message>
    <message>
        <source>Aucune</source>
        <translation>None</translation>
    </message>
    <message>
        <source>sans limite</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Type d&apos;événement</source>
        <translation>Kind of event</translation>
    </message>
    <message>
        <source>Nom de l&apos;événement</source>
        <translation>Event&apos;s name</translation>
    </message>
    <message>
        <source>Adresse du lieu</source>
        <translation>Address of the place</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Organisateur</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Cercles attendus</source>
        <translation>Expected circles</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Les invitations, les inscriptions et la feuille d&apos;émargement se gèrent ensuite depuis la fiche de l&apos;événement.</source>
        <translation>Invitations, registrations and the sign-in sheet are then handled from the event&apos;s sheet.</translation>
    </message>
    <message>
        <source>Donnez un nom à l&apos;événement.</source>
        <translation>Give the event a name.</translation>
    </message>
    <message>
        <source>Indiquez la date de l&apos;événement.</source>
        <translation>Enter the event&apos;s date.</translation>
    </message>
    <message>
        <source>L&apos;heure de fin ({end}) doit venir après l&apos;heure de début ({start}).</source>
        <translation>The end time ({end}) must come after the start time ({start}).</translation>
    </message>
    <message>
        <source>Indiquez aussi l&apos;heure de début.</source>
        <translation>Enter the start time too.</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <source>Choisissez un événement dans la liste pour voir sa fiche, ou créez-en un avec « Nouvel événement… » (Ctrl+N).</source>
        <translation>Choose an event in the list to see its sheet, or create one with “New event…” (Ctrl+N).</translation>
    </message>
    <message>
        <source>L&apos;événement</source>
        <translation>The event</translation>
    </message>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Où</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Organisateur</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Cercles attendus</source>
        <translation>Expected circles</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Taux de présence</source>
        <translation>Attendance rate</translation>
    </message>
    <message>
        <source>Nouveaux contacts</source>
        <translation>New contacts</translation>
    </message>
    <message>
        <source>Consentements</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Feuille d&apos;émargement</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>Changements de cercle proposés</source>
        <translation>Proposed circle moves</translation>
    </message>
    <message>
        <source> sur {capacity} places</source>
        <translation> of {capacity} places</translation>
    </message>
    <message>
        <source>— (personne d&apos;inscrit)</source>
        <translation>— (nobody registered)</translation>
    </message>
    <message>
        <source>{total} au total ({detail})</source>
        <translation>{total} in all ({detail})</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>pas encore saisie</source>
        <translation>not typed yet</translation>
    </message>
    <message>
        <source>{name} : {from_circle} → {to_circle}. {reason}</source>
        <translation>{name}: {from_circle} → {to_circle}. {reason}</translation>
    </message>
    <message>
        <source>Passer en {circle}</source>
        <translation>Move to {circle}</translation>
    </message>
    <message>
        <source>Déplace le contact, avec cette raison dans son historique</source>
        <translation>Moves the contact, with this reason in their history</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nom de l&apos;événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Inscrits</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Présents</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Chercher un nom, un lieu…</source>
        <translation>Search a name, a place…</translation>
    </message>
    <message>
        <source>À venir</source>
        <translation>Coming</translation>
    </message>
    <message>
        <source>Passés</source>
        <translation>Past</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All kinds</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Événements</source>
        <extracomment>Contacts: a renamed or erased participant; circles and consents: the report&apos;s proposals and figures. The right each of the page&apos;s actions needs (its button disabled, with the reason, without it). The event shown in the panel, once read (its record and report).</extracomment>
        <translation>Events</translation>
    </message>
    <message>
        <source>Nouvel événement…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Créer un événement (Ctrl+N)</source>
        <translation>Create an event (Ctrl+N)</translation>
    </message>
    <message>
        <source>Modifier l&apos;événement choisi (Entrée ou double-clic sur la liste)</source>
        <translation>Edit the chosen event (Enter or double-click on the list)</translation>
    </message>
    <message>
        <source>Supprimer l&apos;événement choisi (touche Suppr sur la liste)</source>
        <translation>Delete the chosen event (Delete key on the list)</translation>
    </message>
    <message>
        <source>Inviter…</source>
        <translation>Invite…</translation>
    </message>
    <message>
        <source>Ajouter les contacts d&apos;un segment ou d&apos;un cercle</source>
        <translation>Add the contacts of a segment or a circle</translation>
    </message>
    <message>
        <source>Saisir la feuille d&apos;émargement…</source>
        <translation>Type the sign-in sheet…</translation>
    </message>
    <message>
        <source>Recopier au clavier la feuille signée pendant l&apos;événement (Ctrl+E)</source>
        <translation>Type back the sheet signed during the event (Ctrl+E)</translation>
    </message>
    <message>
        <source>Kit PDF…</source>
        <translation>PDF kit…</translation>
    </message>
    <message>
        <source>Feuille d&apos;émargement, badges, affiche, cartes et liste des inscrits, à imprimer</source>
        <translation>Sign-in sheet, badges, poster, cards and list of those registered, to print</translation>
    </message>
    <message>
        <source>Bilan PDF…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <source>Le bilan de l&apos;événement, à imprimer ou à envoyer</source>
        <translation>The event&apos;s report, to print or send</translation>
    </message>
    <message>
        <source>Fiche et bilan</source>
        <translation>Sheet and report</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>{coming} à venir</source>
        <translation>{coming} upcoming</translation>
    </message>
    <message>
        <source>Événement créé.</source>
        <translation>Event created.</translation>
    </message>
    <message>
        <source>Événement enregistré.</source>
        <translation>Event saved.</translation>
    </message>
    <message>
        <source>Supprimer l&apos;événement</source>
        <translation>Delete the event</translation>
    </message>
    <message>
        <source>Supprimer « {name} » ? Sa liste de participants et sa feuille d&apos;émargement saisie seront perdues ; les contacts créés, leurs consentements et leurs points de contact restent.</source>
        <translation>Delete “{name}”? Its participants and its typed sign-in sheet will be lost; the contacts created, their consents and their touch points stay.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Événement « {name} » supprimé.</source>
        <translation>Event “{name}” deleted.</translation>
    </message>
    <message>
        <source>Cercle « {circle} »</source>
        <translation>Circle “{circle}”</translation>
    </message>
    <message>
        <source>Participant inscrit.</source>
        <translation>Participant registered.</translation>
    </message>
    <message>
        <source>{name} passe en « {circle} ».</source>
        <translation>{name} moves to “{circle}”.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporter des contacts</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>CSV pour Excel (point-virgule, accents et zéros en tête conservés)</source>
        <translation>CSV for Excel (semicolons, accents and leading zeros kept)</translation>
    </message>
    <message>
        <source>vCard (carnet d&apos;adresses d&apos;un téléphone ou d&apos;un webmail)</source>
        <translation>vCard (address book of a phone or a webmail)</translation>
    </message>
    <message>
        <source>Les contacts de la liste affichée ({count})</source>
        <translation>The contacts of the list shown ({count})</translation>
    </message>
    <message>
        <source>Seulement les contacts sélectionnés ({count})</source>
        <translation>Only the selected contacts ({count})</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Exporter vers…</source>
        <translation>Export to…</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>{count} contacts exportés dans {path}</source>
        <translation>{count} contacts exported to {path}</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export annulé : aucun fichier n&apos;a été écrit.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
</context>
<context>
    <name>FigureCardWidget</name>
    <message>
        <source>Cliquer pour voir la liste</source>
        <translation>Click to see the list</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>L&apos;export CSV des contributions, tel que la plateforme le donne (UTF-8 ou Excel).</source>
        <translation>The CSV export of the contributions, as the platform gives it (UTF-8 or Excel).</translation>
    </message>
    <message>
        <source>Une campagne existante, ou le nom d&apos;une nouvelle campagne à créer.</source>
        <translation>An existing campaign, or the name of a new campaign to create.</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Export des contributions</source>
        <translation>Contributions export</translation>
    </message>
    <message>
        <source>Un fichier CSV (enregistré depuis Excel, LibreOffice, un webmail…) ou vCard (carnet d&apos;adresses d&apos;un téléphone).</source>
        <translation>A CSV file (saved from Excel, LibreOffice, a webmail…) or a vCard (a phone’s address book).</translation>
    </message>
    <message>
        <source>Chemin du fichier…</source>
        <translation>File path…</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Détecté automatiquement</source>
        <translation>Detected automatically</translation>
    </message>
    <message>
        <source>Point-virgule ( ; )</source>
        <translation>Semicolon ( ; )</translation>
    </message>
    <message>
        <source>Virgule ( , )</source>
        <translation>Comma ( , )</translation>
    </message>
    <message>
        <source>Tabulation</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Encodage des caractères</source>
        <translation>Character encoding</translation>
    </message>
    <message>
        <source>Séparateur de colonnes</source>
        <translation>Column separator</translation>
    </message>
    <message>
        <source>Détecté : {name}</source>
        <translation>Detected: {name}</translation>
    </message>
    <message>
        <source>Choisir le fichier de contacts</source>
        <translation>Choose the contacts file</translation>
    </message>
    <message>
        <source>Contacts (*.csv *.txt *.vcf *.vcard);;Tous les fichiers (*)</source>
        <translation>Contacts (*.csv *.txt *.vcf *.vcard);;All files (*)</translation>
    </message>
    <message>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Format : {kind}</source>
        <translation>Format: {kind}</translation>
    </message>
    <message>
        <source>encodage : {name}</source>
        <translation>encoding: {name}</translation>
    </message>
    <message>
        <source>séparateur : {name}</source>
        <translation>separator: {name}</translation>
    </message>
    <message>
        <source>{count} colonnes</source>
        <translation>{count} columns</translation>
    </message>
    <message>
        <source>1 colonne</source>
        <translation>1 column</translation>
    </message>
    <message>
        <source>environ {count} lignes</source>
        <translation>about {count} lines</translation>
    </message>
    <message>
        <source>Le tableau de publications de l&apos;équipe, enregistré en CSV (Excel ou UTF-8) : Date, Heure, Réseau, Titre, Pilier, Statut, Auteur, Texte, Lien.</source>
        <translation>The team&apos;s table of publications, saved as CSV (Excel or UTF-8): Date, Heure, Réseau, Titre, Pilier, Statut, Auteur, Texte, Lien.</translation>
    </message>
    <message>
        <source>Calendrier éditorial</source>
        <translation>Editorial calendar</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Tous les réseaux</source>
        <translation>All networks</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tous les piliers</source>
        <translation>All pillars</translation>
    </message>
    <message>
        <source>Tous les auteurs</source>
        <translation>All authors</translation>
    </message>
    <message>
        <source>Chercher dans les titres et textes…</source>
        <translation>Search titles and texts…</translation>
    </message>
</context>
<context>
    <name>FulfilmentView</name>
    <message>
        <source>Contributeur</source>
        <translation>Backer</translation>
    </message>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Depuis le</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Tous les états</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Marquer « {state} »</source>
        <translation>Mark “{state}”</translation>
    </message>
    <message>
        <source>Exporter la liste d&apos;envoi (CSV)…</source>
        <translation>Export the shipping list (CSV)…</translation>
    </message>
    <message>
        <source>Liste à cocher (PDF)…</source>
        <translation>Checklist (PDF)…</translation>
    </message>
</context>
<context>
    <name>FunnelBoard</name>
    <message>
        <source>niveau {level}</source>
        <translation>level {level}</translation>
    </message>
    <message>
        <source>À ce stade depuis le {day}</source>
        <translation>At this stage since {day}</translation>
    </message>
    <message>
        <source>Faites glisser une carte dans la colonne suivante quand la personne avance ; « inactif » est la sortie pour tous (candidature refusée comprise). Entre deux colonnes : la part des personnes arrivées à une étape qui ont atteint la suivante. Double-cliquez une carte pour ouvrir sa fiche.</source>
        <translation>Drag a card to the next column when the person moves on; “inactive” is everyone&apos;s exit (a refused application too). Between two columns: the share of people who reached a stage and went on to the next. Double-click a card to open the sheet.</translation>
    </message>
    <message>
        <source>Sortie du programme, depuis n&apos;importe quelle étape</source>
        <translation>Leaving the programme, from any stage</translation>
    </message>
    <message>
        <source>Part des personnes arrivées à l&apos;étape précédente qui ont atteint celle-ci</source>
        <translation>Share of the people who reached the previous stage and reached this one</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Inviter à « {event} »</source>
        <extracomment>(&quot;segment&quot;, name) or (&quot;circle&quot;, slug) -&gt; how many contacts it holds, run off the UI thread.</extracomment>
        <translation>Invite to “{event}”</translation>
    </message>
    <message>
        <source>Un segment enregistré</source>
        <translation>A saved segment</translation>
    </message>
    <message>
        <source>Tout un cercle</source>
        <translation>A whole circle</translation>
    </message>
    <message>
        <source>Les personnes choisies sont ajoutées aux participants comme « invité » ; celles qui y sont déjà gardent leur statut. Aucun message n&apos;est envoyé par CommunityDesk.</source>
        <translation>The people chosen are added to the participants as “invited”; those already there keep their status. CommunityDesk sends no message.</translation>
    </message>
    <message>
        <source>Inviter</source>
        <translation>Invite</translation>
    </message>
    <message>
        <source>Aucun segment enregistré</source>
        <translation>No saved segment</translation>
    </message>
    <message>
        <source>Calcul…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Choisissez un segment ou un cercle.</source>
        <translation>Choose a segment or a circle.</translation>
    </message>
</context>
<context>
    <name>Leaderboard</name>
    <message>
        <source>Prénom et nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Validées</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Réussite</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Parrainages</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
</context>
<context>
    <name>LevelsView</name>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Missions validées</source>
        <translation>Approved missions</translation>
    </message>
    <message>
        <source>Réussite (%)</source>
        <translation>Success (%)</translation>
    </message>
    <message>
        <source>Mois</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Voir qui changerait de niveau, sans rien enregistrer</source>
        <translation>See who would change level, without saving anything</translation>
    </message>
    <message>
        <source>Enregistrer les règles</source>
        <translation>Save the rules</translation>
    </message>
    <message>
        <source>Revenir aux règles enregistrées</source>
        <translation>Back to the saved rules</translation>
    </message>
    <message>
        <source>Un niveau est atteint quand les trois seuils le sont : missions validées, part des missions réalisées qui ont été validées, et mois depuis l&apos;accueil. Modifiez les seuils, cliquez sur « Aperçu » pour voir qui change de niveau, puis enregistrez.</source>
        <translation>A level is reached when all three thresholds are: approved missions, share of the missions done that were approved, and months since welcome. Change the thresholds, click “Preview” to see who changes level, then save.</translation>
    </message>
    <message>
        <source>Classement</source>
        <translation>Leaderboard</translation>
    </message>
    <message>
        <source>Règles des niveaux</source>
        <translation>Level rules</translation>
    </message>
    <message>
        <source>Identifiant stable : {slug}</source>
        <translation>Stable identifier: {slug}</translation>
    </message>
    <message>
        <source>Avec ces règles, personne ne changerait de niveau.</source>
        <translation>With these rules, nobody would change level.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session verrouillée</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>mot de passe ou code PIN</source>
        <translation>password or PIN</translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Changer de profil</source>
        <translation>Switch profile</translation>
    </message>
    <message>
        <source>Profil : {name} ({role})</source>
        <translation>Profile: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Qui êtes-vous ?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <source>facultatif</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Un code court pour déverrouiller votre propre session sur ce poste.</source>
        <translation>A short code to unlock your own session on this computer.</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Se connecter</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Base : {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Base de démonstration : ces mots de passe ne sont affichés que pour elle.</source>
        <translation>Demonstration database: these passwords are shown for it only.</translation>
    </message>
    <message>
        <source>Choisissez votre profil dans la liste.</source>
        <translation>Choose your profile in the list.</translation>
    </message>
    <message>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Fichier</source>
        <extracomment>What the window manager adds around the window (title bar, borders) on common desktops.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Ouvrir une base…</source>
        <translation>&amp;Open a database…</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder une copie…</source>
        <translation>&amp;Save a copy…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Aller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>A&amp;ctualiser</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Ai&amp;de</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À &amp;propos de CommunityDesk</source>
        <translation>&amp;About CommunityDesk</translation>
    </message>
    <message>
        <source>Ouvrir une base CommunityDesk</source>
        <translation>Open a CommunityDesk database</translation>
    </message>
    <message>
        <source>Bases CommunityDesk (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</source>
        <translation>CommunityDesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir la base</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Aucune base ouverte à sauvegarder.</source>
        <translation>No open database to back up.</translation>
    </message>
    <message>
        <source>Sauvegarder une copie de la base</source>
        <translation>Save a copy of the database</translation>
    </message>
    <message>
        <source>Bases CommunityDesk (*.sqlite3)</source>
        <translation>CommunityDesk databases (*.sqlite3)</translation>
    </message>
    <message>
        <source>Copie enregistrée : {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <source>Copie annulée.</source>
        <translation>Copy cancelled.</translation>
    </message>
    <message>
        <source>Sauvegarde d&apos;une copie…</source>
        <translation>Saving a copy…</translation>
    </message>
    <message>
        <source>Ouverture de la base…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Aucune base ouverte</source>
        <translation>No database open</translation>
    </message>
    <message>
        <source>{name} (démonstration)</source>
        <translation>{name} (demo)</translation>
    </message>
    <message>
        <source>Base : {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>{count} contacts</source>
        <translation>{count} contacts</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CommunityDesk {version}&lt;/h3&gt;&lt;p&gt;Votre communauté en cercles concentriques : contacts, campagnes de financement participatif, calendrier éditorial, ambassadeurs et documents PDF.&lt;/p&gt;&lt;p&gt;Toutes vos données restent sur cet ordinateur, dans une base SQLite.&lt;/p&gt;&lt;p&gt;Base ouverte : {path}&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GPL 3 ou ultérieure.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CommunityDesk {version}&lt;/h3&gt;&lt;p&gt;Your community in concentric circles: contacts, crowdfunding campaigns, editorial calendar, ambassadors and PDF documents.&lt;/p&gt;&lt;p&gt;All your data stays on this computer, in an SQLite database.&lt;/p&gt;&lt;p&gt;Open database: {path}&lt;/p&gt;&lt;p&gt;Free software under the GPL, version 3 or later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>À propos de CommunityDesk</source>
        <translation>About CommunityDesk</translation>
    </message>
    <message>
        <source>&amp;Profil</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Profils et &amp;droits…</source>
        <translation>Profiles and &amp;rights…</translation>
    </message>
    <message>
        <source>&amp;Journal des actions sensibles…</source>
        <translation>&amp;Log of sensitive actions…</translation>
    </message>
    <message>
        <source>Aucun profil connecté</source>
        <translation>No profile logged in</translation>
    </message>
    <message>
        <source>Profil : {name} ({role})</source>
        <translation>Profile: {name} ({role})</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Plateforme et colonnes</source>
        <translation>Platform and columns</translation>
    </message>
    <message>
        <source>Les colonnes sont reconnues d&apos;après leur en-tête ; corrigez-les si besoin.</source>
        <translation>Columns are recognised from their header; correct them if needed.</translation>
    </message>
    <message>
        <source>Reconnaissance automatique</source>
        <translation>Automatic recognition</translation>
    </message>
    <message>
        <source>Donnée</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Colonne du fichier</source>
        <translation>Column of the file</translation>
    </message>
    <message>
        <source>Nom, pour la réutiliser (facultatif)</source>
        <translation>Name, to reuse it (optional)</translation>
    </message>
    <message>
        <source>Plateforme</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Correspondance enregistrée</source>
        <translation>Saved mapping</translation>
    </message>
    <message>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{rows} lignes lues ({encoding}, séparateur « {sep} »).</source>
        <translation>{rows} lines read ({encoding}, separator “{sep}”).</translation>
    </message>
    <message>
        <source>Colonnes</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Vérifiez ce que contient chaque colonne. Les en-têtes habituels (Prénom, Nom, Courriel, Téléphone, Code postal, Ville, Cercle…) sont reconnus.</source>
        <translation>Check what each column holds. The usual headers (Prénom, Nom, Courriel, Téléphone, Code postal, Ville, Cercle…, and their English equivalents) are recognised.</translation>
    </message>
    <message>
        <source>Exemple</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Champ CommunityDesk</source>
        <translation>CommunityDesk field</translation>
    </message>
    <message>
        <source>Aperçu des premières lignes, telles qu&apos;elles seraient enregistrées :</source>
        <translation>Preview of the first lines, as they would be saved:</translation>
    </message>
    <message>
        <source>(colonne {n})</source>
        <translation>(column {n})</translation>
    </message>
    <message>
        <source>— ignorer —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <source>Aucune colonne ne donne le nom, l&apos;organisation ni l&apos;e-mail des contacts : indiquez au moins l&apos;une d&apos;elles.</source>
        <translation>No column gives the name, organisation or e-mail of the contacts: choose at least one of them.</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Problèmes</source>
        <translation>Problems</translation>
    </message>
</context>
<context>
    <name>MergeChoice</name>
    <message>
        <source>Choisissez une paire dans la liste.</source>
        <translation>Choose a pair in the list.</translation>
    </message>
    <message>
        <source>Garder la fiche de {name}</source>
        <translation>Keep the record of {name}</translation>
    </message>
    <message>
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{same} champs identiques ne sont pas montrés. Tout ce qui est rattaché à l&apos;autre fiche (échanges, historique, tags, consentements, contributions) est gardé, ainsi que ses e-mails et téléphones : en secondaire, ou dans les notes.</source>
        <translation>{same} identical fields are not shown. Everything attached to the other record (exchanges, history, tags, consents, contributions) is kept, and so are its e-mails and phones: as secondary, or in the notes.</translation>
    </message>
</context>
<context>
    <name>MissionDialog</name>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Nouvelle mission</source>
        <translation>New mission</translation>
    </message>
    <message>
        <source>Personne (mission ouverte)</source>
        <translation>Nobody (open mission)</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Type de mission</source>
        <translation>Mission type</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>À faire pour le</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Confiée à</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>Donnez un titre à la mission.</source>
        <translation>Give the mission a title.</translation>
    </message>
</context>
<context>
    <name>MissionList</name>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Type de mission</source>
        <translation>Mission type</translation>
    </message>
    <message>
        <source>Confiée à</source>
        <translation>Given to</translation>
    </message>
    <message>
        <source>(ouverte)</source>
        <translation>(open)</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Réalisée le</source>
        <translation>Done on</translation>
    </message>
    <message>
        <source>Preuve</source>
        <translation>Proof</translation>
    </message>
</context>
<context>
    <name>MissionsView</name>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Tous les ambassadeurs</source>
        <translation>All ambassadors</translation>
    </message>
    <message>
        <source>Missions ouvertes (personne)</source>
        <translation>Open missions (nobody)</translation>
    </message>
    <message>
        <source>Nouvelle mission…</source>
        <translation>New mission…</translation>
    </message>
    <message>
        <source>Modifier ou confier…</source>
        <translation>Edit or assign…</translation>
    </message>
    <message>
        <source>Marquer réalisée…</source>
        <translation>Mark done…</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>La mission compte : ses points sont acquis</source>
        <translation>The mission counts: its points are earned</translation>
    </message>
    <message>
        <source>Refuser</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>La mission ne compte pas ; elle pèse dans la part de réussite</source>
        <translation>The mission does not count; it weighs on the success share</translation>
    </message>
    <message>
        <source>Une mission réalisée attend la validation de l&apos;équipe : validée, elle rapporte ses points ; les niveaux se calculent tout seuls à partir des missions validées.</source>
        <translation>A mission done awaits the team&apos;s approval: approved, it earns its points; levels are worked out from approved missions.</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Contacts déjà connus</source>
        <translation>Contacts already known</translation>
    </message>
    <message>
        <source>Une ligne correspond à un contact existant s&apos;ils ont le même e-mail, ou à défaut le même téléphone.</source>
        <translation>A line matches an existing contact if they have the same e-mail or, failing that, the same phone.</translation>
    </message>
    <message>
        <source>Créer seulement les nouveaux contacts (les contacts déjà connus sont laissés tels quels)</source>
        <translation>Only create new contacts (contacts already known are left as they are)</translation>
    </message>
    <message>
        <source>Mettre aussi à jour les contacts existants (une case vide du fichier n&apos;efface jamais rien)</source>
        <translation>Also update existing contacts (an empty cell in the file never erases anything)</translation>
    </message>
    <message>
        <source>Celui de chaque ligne (sinon Grand public)</source>
        <translation>Each line&apos;s own (else Grand public)</translation>
    </message>
    <message>
        <source>ex. salon X, bénévole</source>
        <translation>e.g. fair X, volunteer</translation>
    </message>
    <message>
        <source>par défaut : le nom du fichier</source>
        <translation>by default: the file&apos;s name</translation>
    </message>
    <message>
        <source>Cercle des nouveaux contacts :</source>
        <translation>Circle of the new contacts:</translation>
    </message>
    <message>
        <source>Tags ajoutés à chaque contact :</source>
        <translation>Tags added to every contact:</translation>
    </message>
    <message>
        <source>Source des nouveaux contacts :</source>
        <translation>Source of the new contacts:</translation>
    </message>
</context>
<context>
    <name>MoveProposalsDialog</name>
    <message>
        <source>Rapprocher des contributeurs</source>
        <translation>Bring backers closer</translation>
    </message>
    <message>
        <source>Ces contributeurs du grand public ont soutenu « {name} ». Les cochés passeront dans la communauté, avec pour raison « A soutenu la campagne ».</source>
        <translation>These general-public backers supported “{name}”. The ticked ones will move into the community, with the reason “Supported the campaign”.</translation>
    </message>
    <message>
        <source>Rapprocher</source>
        <translation>Bring closer</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MoveReasonDialog</name>
    <message>
        <source>Changer de cercle</source>
        <translation>Change circle</translation>
    </message>
    <message>
        <source>{who} → {circle}. Pourquoi ce changement de cercle ?</source>
        <translation>{who} → {circle}. Why this change of circle?</translation>
    </message>
    <message>
        <source>Rapprocher</source>
        <translation>Bring closer</translation>
    </message>
    <message>
        <source>Rapprocher {who} d&apos;un cercle. Pourquoi ?</source>
        <translation>Bring {who} one circle closer. Why?</translation>
    </message>
    <message>
        <source>Éloigner</source>
        <translation>Move out</translation>
    </message>
    <message>
        <source>Éloigner {who} d&apos;un cercle. Pourquoi ?</source>
        <translation>Move {who} one circle out. Why?</translation>
    </message>
    <message>
        <source>La raison est gardée dans l&apos;historique de chaque contact déplacé.</source>
        <translation>The reason is kept in the history of each contact moved.</translation>
    </message>
    <message>
        <source>Raison du changement…</source>
        <translation>Reason for the change…</translation>
    </message>
    <message>
        <source>Déplacer</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OpenCampaignsPanel</name>
    <message>
        <source>Aucune campagne en cours ni en préparation.</source>
        <translation>No campaign running or in preparation.</translation>
    </message>
    <message>
        <source>{total} sur {goal} · {backers} contributeurs</source>
        <translation>{total} of {goal} · {backers} backers</translation>
    </message>
    <message>
        <source>{days} jours restants</source>
        <translation>{days} days left</translation>
    </message>
</context>
<context>
    <name>ParticipantsView</name>
    <message>
        <source>Prénom et nom</source>
        <extracomment>The key that gives each status: 1 invité … 5 excusé.</extracomment>
        <translation>First and last name</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Invité depuis</source>
        <translation>Invited from</translation>
    </message>
    <message>
        <source>Inscrit le</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Chercher un participant…</source>
        <extracomment>contact ids, status slug</extracomment>
        <translation>Search a participant…</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Appliquer à la sélection</source>
        <translation>Apply to the selection</translation>
    </message>
    <message>
        <source>Ajouter une personne…</source>
        <translation>Add a person…</translation>
    </message>
    <message>
        <source>Inscrire à l&apos;événement une personne de vos contacts</source>
        <translation>Register one of your contacts for the event</translation>
    </message>
    <message>
        <source>Touches 1 à 5 sur la liste : {statuses}</source>
        <translation>Keys 1 to 5 on the list: {statuses}</translation>
    </message>
    <message>
        <source>Statut :</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Nom du profil</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Encore une fois</source>
        <translation>Once again</translation>
    </message>
    <message>
        <source>Les deux mots de passe diffèrent.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Enregistrer sous…</source>
        <extracomment>Printing renders each page to an image: 300 dpi is sharp on paper and stays ~35 MB a page.</extracomment>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Ouvrir avec le lecteur du système</source>
        <translation>Open with the system viewer</translation>
    </message>
    <message>
        <source>Choisissez un document puis cliquez sur Générer.</source>
        <translation>Choose a document, then click Generate.</translation>
    </message>
    <message>
        <source>L&apos;aperçu n&apos;a pas pu lire le document.</source>
        <translation>The preview could not read the document.</translation>
    </message>
    <message>
        <source>Enregistrer le PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Impossible d&apos;enregistrer « {path} » : {reason}.</source>
        <translation>Cannot save “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>L&apos;impression n&apos;a pas pu commencer : vérifiez l&apos;imprimante choisie.</source>
        <translation>Printing could not start: check the chosen printer.</translation>
    </message>
    <message>
        <source>Aucun lecteur de PDF n&apos;a pu être ouvert. Enregistrez le document puis ouvrez-le.</source>
        <translation>No PDF viewer could be opened. Save the document, then open it.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Les premières lignes telles qu&apos;elles seront comprises, et les lignes à corriger.</source>
        <translation>The first lines as they will be understood, and the lines to fix.</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Contributeur</source>
        <translation>Backer</translation>
    </message>
    <message>
        <source>Contrepartie</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Contreparties que la campagne ne connaît pas :</source>
        <translation>Rewards the campaign does not know:</translation>
    </message>
    <message>
        <source>Contrepartie du fichier</source>
        <translation>Reward in the file</translation>
    </message>
    <message>
        <source>Lignes</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Que faire ?</source>
        <translation>What to do?</translation>
    </message>
    <message>
        <source>Tout ou rien : si une ligne est à corriger, ne rien importer</source>
        <translation>All or nothing: if any line needs fixing, import nothing</translation>
    </message>
    <message>
        <source>La créer ({amount})</source>
        <translation>Create it ({amount})</translation>
    </message>
    <message>
        <source>C&apos;est « {title} »</source>
        <translation>It is “{title}”</translation>
    </message>
    <message>
        <source>Laisser ces lignes de côté</source>
        <translation>Leave these lines out</translation>
    </message>
    <message>
        <source>{field} ← « {header} »</source>
        <translation>{field} ← “{header}”</translation>
    </message>
    <message>
        <source>Colonnes lues : {columns}.</source>
        <translation>Columns read: {columns}.</translation>
    </message>
    <message>
        <source> (anonyme)</source>
        <translation> (anonymous)</translation>
    </message>
    <message>
        <source>Aucun problème de lecture sur les {rows} lignes.</source>
        <translation>No reading problem in the {rows} lines.</translation>
    </message>
    <message>
        <source>Jour</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Réseaux</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Pilier</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(idée, sans date)</source>
        <translation>(idea, no date)</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Verrouiller</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Changer de profil</source>
        <translation>&amp;Switch profile</translation>
    </message>
    <message>
        <source>Aucun profil n&apos;a de mot de passe sur cette base.</source>
        <translation>No profile of this database has a password.</translation>
    </message>
    <message>
        <source>{reason} Plus aucun profil n&apos;a de mot de passe : la base s&apos;ouvre sans connexion.</source>
        <translation>{reason} No profile has a password any more: the database opens without a login.</translation>
    </message>
    <message>
        <source>Base ouverte sans connexion</source>
        <translation>Database opened without a login</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Profils et droits</source>
        <translation>Profiles and rights</translation>
    </message>
    <message>
        <source>Profils</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>Droits par rôle</source>
        <translation>Rights of each role</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Changer le rôle</source>
        <translation>Change the role</translation>
    </message>
    <message>
        <source>Nouveau mot de passe…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Un administrateur a tous les droits.</source>
        <translation>An administrator has every right.</translation>
    </message>
    <message>
        <source>Les changements valent pour chaque profil du rôle à sa prochaine connexion.</source>
        <translation>Changes apply to each profile of the role at its next login.</translation>
    </message>
    <message>
        <source>Enregistrer les droits</source>
        <translation>Save the rights</translation>
    </message>
    <message>
        <source>Profil « {name} » ajouté.</source>
        <translation>Profile “{name}” added.</translation>
    </message>
    <message>
        <source>Profil renommé : « {name} ».</source>
        <translation>Profile renamed: “{name}”.</translation>
    </message>
    <message>
        <source>« {name} » est maintenant {role}.</source>
        <translation>“{name}” is now {role}.</translation>
    </message>
    <message>
        <source>Nouveau mot de passe enregistré pour « {name} ».</source>
        <translation>New password saved for “{name}”.</translation>
    </message>
    <message>
        <source>Profil « {name} » supprimé.</source>
        <translation>Profile “{name}” deleted.</translation>
    </message>
    <message>
        <source>Droits enregistrés.</source>
        <translation>Rights saved.</translation>
    </message>
    <message>
        <source>Ajouter un profil</source>
        <translation>Add a profile</translation>
    </message>
    <message>
        <source>Renommer le profil</source>
        <translation>Rename the profile</translation>
    </message>
    <message>
        <source>Nouveau nom</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>Nouveau mot de passe pour « {name} »</source>
        <translation>New password for “{name}”</translation>
    </message>
    <message>
        <source>Supprimer le profil</source>
        <translation>Delete the profile</translation>
    </message>
    <message>
        <source>Supprimer le profil « {name} » ? Ses entrées du journal restent.</source>
        <translation>Delete the profile “{name}”? Its log entries stay.</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>Envoyer à la validation</source>
        <translation>Send for approval</translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Annuler « publiée »</source>
        <translation>Undo “published”</translation>
    </message>
    <message>
        <source>Marquer publiée</source>
        <translation>Mark as published</translation>
    </message>
    <message>
        <source>Abandonner</source>
        <translation>Abandon</translation>
    </message>
    <message>
        <source>Revenir à l&apos;idée</source>
        <translation>Back to an idea</translation>
    </message>
    <message>
        <source>Passer à la rédaction</source>
        <translation>Start writing</translation>
    </message>
    <message>
        <source>Renvoyer en rédaction</source>
        <translation>Send back to writing</translation>
    </message>
    <message>
        <source>Modifier la publication</source>
        <extracomment>After a status step: the publication as saved (the dialog stays open).</extracomment>
        <translation>Edit the post</translation>
    </message>
    <message>
        <source>Nouvelle publication</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>Sans pilier</source>
        <translation>No pillar</translation>
    </message>
    <message>
        <source>Tous publics</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Segment : {name}</source>
        <translation>Segment: {name}</translation>
    </message>
    <message>
        <source>Sans date, la publication reste dans les idées.</source>
        <translation>Without a date, the post stays among the ideas.</translation>
    </message>
    <message>
        <source>à</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Publication rémunérée ou offerte (ambassadeur, partenaire)</source>
        <translation>Paid or gifted post (ambassador, partner)</translation>
    </message>
    <message>
        <source>Porte la mention « collaboration commerciale »</source>
        <translation>Carries the “commercial collaboration” mention</translation>
    </message>
    <message>
        <source>⚠ Une publication rémunérée ou offerte doit porter la mention « collaboration commerciale » (loi du 9 juin 2023).</source>
        <translation>⚠ A paid or gifted post must carry the “commercial collaboration” mention (French law of 9 June 2023).</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Réseaux</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Pilier</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <source>Public visé</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Fichiers joints</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vues</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Réactions</source>
        <translation>Reactions</translation>
    </message>
    <message>
        <source>Commentaires</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Partages</source>
        <translation>Shares</translation>
    </message>
    <message>
        <source>Les résultats se saisissent une fois la publication publiée.</source>
        <translation>Results are entered once the post is published.</translation>
    </message>
    <message>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Approuvée par {who} le {when}</source>
        <translation>Approved by {who} on {when}</translation>
    </message>
    <message>
        <source>Publiée le {when}</source>
        <translation>Published on {when}</translation>
    </message>
    <message>
        <source>{when} · {status} · {who}</source>
        <translation>{when} · {status} · {who}</translation>
    </message>
    <message>
        <source>Joindre des fichiers</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Le fichier « {path} » est introuvable.</source>
        <translation>The file “{path}” cannot be found.</translation>
    </message>
</context>
<context>
    <name>PublicationImportWizard</name>
    <message>
        <source>Importer un calendrier éditorial</source>
        <translation>Import an editorial calendar</translation>
    </message>
    <message>
        <source>Vérification du fichier…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Import des publications…</source>
        <translation>Importing publications…</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
</context>
<context>
    <name>PublicationList</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Réseaux</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Pilier</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Alerte</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>RegularityStrip</name>
    <message>
        <source>{planned} sur {target}</source>
        <translation>{planned} of {target}</translation>
    </message>
    <message>
        <source>Semaine du {day} : {counts}</source>
        <translation>Week of {day}: {counts}</translation>
    </message>
    <message>
        <source>(et {count} autres)</source>
        <translation>(and {count} more)</translation>
    </message>
    <message>
        <source>À prévoir : {gaps}.</source>
        <translation>To plan: {gaps}.</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <source>Récompense pour {name}</source>
        <translation>Reward for {name}</translation>
    </message>
    <message>
        <source>T-shirt, deux places pour le concert…</source>
        <translation>T-shirt, two tickets for the concert…</translation>
    </message>
    <message>
        <source>De l&apos;argent versé à un bénévole peut être requalifié en salaire déguisé : préférez un cadeau, une invitation ou le remboursement de frais réels sur justificatifs.</source>
        <translation>Money paid to a volunteer may be treated as disguised wages: prefer a gift, an invitation or the refund of real expenses against receipts.</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Indiquez la date de la récompense.</source>
        <translation>Give the date of the reward.</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Rôles des ambassadeurs</source>
        <translation>Ambassadors&apos; roles</translation>
    </message>
    <message>
        <source>Les rôles qu&apos;un ambassadeur peut prendre, avec une ligne pour dire ce qu&apos;on attend de lui. Un rôle retiré l&apos;est aussi des ambassadeurs qui l&apos;avaient.</source>
        <translation>The roles an ambassador may take, with a line saying what is expected. A role removed is taken off the ambassadors who had it.</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ajouter un rôle</source>
        <translation>Add a role</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>Copier la ligne</source>
        <translation>Copy the row</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Simulation</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <source>Ce que l&apos;import ferait, sans rien enregistrer. Les lignes en erreur ne seront pas importées : corrigez-les dans le fichier si besoin.</source>
        <translation>What the import would do, without saving anything. Lines in error will not be imported: fix them in the file if needed.</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tout est enregistré d&apos;un seul coup : si vous annulez, la base reste telle qu&apos;elle était.</source>
        <translation>Everything is saved at once: if you cancel, the database stays as it was.</translation>
    </message>
    <message>
        <source>Annuler l&apos;import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <source>Simulation en cours…</source>
        <translation>Dry run in progress…</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Simulation terminée : rien n&apos;a été enregistré. Voici ce que ferait l&apos;import.</source>
        <translation>Dry run finished: nothing was saved. Here is what the import would do.</translation>
    </message>
    <message>
        <source>Import terminé.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <source>Import annulé : la base n&apos;a pas été modifiée.</source>
        <translation>Import cancelled: the database was not changed.</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Mot de passe demandé</source>
        <translation>Password needed</translation>
    </message>
    <message>
        <source>Le garder dans le trousseau de cet ordinateur</source>
        <translation>Keep it in this computer&apos;s keyring</translation>
    </message>
</context>
<context>
    <name>SelectionActions</name>
    <message>
        <source>Ouvrir la fiche</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <source>Rapprocher…</source>
        <translation>Move closer…</translation>
    </message>
    <message>
        <source>Éloigner…</source>
        <translation>Move further…</translation>
    </message>
    <message>
        <source>Déplacer vers</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>Ajouter un tag…</source>
        <translation>Add a tag…</translation>
    </message>
    <message>
        <source>Retirer un tag…</source>
        <translation>Remove a tag…</translation>
    </message>
    <message>
        <source>Noter un échange…</source>
        <translation>Log an exchange…</translation>
    </message>
    <message>
        <source>Ajouter à un segment…</source>
        <translation>Add to a segment…</translation>
    </message>
    <message>
        <source>Exporter la sélection…</source>
        <translation>Export the selection…</translation>
    </message>
    <message>
        <source>Copier les e-mails</source>
        <translation>Copy e-mails</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Retirer un tag</source>
        <translation>Remove a tag</translation>
    </message>
    <message>
        <source>Tag à retirer de {who} :</source>
        <translation>Tag to remove from {who}:</translation>
    </message>
    <message>
        <source>Ajouter un tag</source>
        <translation>Add a tag</translation>
    </message>
    <message>
        <source>Tag à mettre sur {who} (un nouveau nom crée le tag) :</source>
        <translation>Tag to put on {who} (a new name creates the tag):</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Noter un échange</source>
        <translation>Log an exchange</translation>
    </message>
    <message>
        <source>Le même échange est noté dans l&apos;historique de {who}.</source>
        <translation>The same exchange is logged in the history of {who}.</translation>
    </message>
    <message>
        <source>Noter</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Ajouter à un segment</source>
        <translation>Add to a segment</translation>
    </message>
    <message>
        <source>Segment où ajouter {who}. Un nouveau nom crée un segment de ces contacts (avec un tag du même nom) :</source>
        <translation>Segment to add {who} to. A new name creates a segment of these contacts (with a tag of the same name):</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler les modifications</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Cet ordinateur</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>La nouvelle langue s&apos;applique au prochain démarrage de CommunityDesk.</source>
        <translation>The new language applies the next time CommunityDesk starts.</translation>
    </message>
    <message>
        <source>Langue de l&apos;interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Organisation (imprimée sur les documents)</source>
        <translation>Organisation (printed on documents)</translation>
    </message>
    <message>
        <source>nom de votre association, coopérative ou entreprise</source>
        <translation>name of your association, cooperative or company</translation>
    </message>
    <message>
        <source>SIRET (14 chiffres) ou RNA (W123456789)</source>
        <translation>SIRET (14 digits) or RNA (W123456789)</translation>
    </message>
    <message>
        <source>aucun logo</source>
        <translation>no logo</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>principale</source>
        <translation>main</translation>
    </message>
    <message>
        <source>secondaire</source>
        <translation>secondary</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SIRET ou RNA</source>
        <translation>SIRET or RNA</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>imprimé sur les cartes de contact du kit d&apos;événement</source>
        <translation>printed on the event kit&apos;s contact cards</translation>
    </message>
    <message>
        <source>E-mail de contact</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <source>Couleurs</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Rythme des cercles</source>
        <translation>Circle rhythms</translation>
    </message>
    <message>
        <source>Un contact sans échange depuis plus longtemps que le rythme de son cercle sera signalé « à relancer ».</source>
        <translation>A contact with no exchange for longer than the rhythm of their circle will be flagged “to follow up”.</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Sauvegardes automatiques conservées</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <source>Une sauvegarde est faite avant chaque mise à jour de la base ; les plus anciennes au-delà de ce nombre sont supprimées.</source>
        <translation>A backup is made before every database update; the oldest ones beyond this number are deleted.</translation>
    </message>
    <message>
        <source>Programme ambassadeurs</source>
        <translation>Ambassador programme</translation>
    </message>
    <message>
        <source>Adresse de parrainage</source>
        <translation>Referral address</translation>
    </message>
    <message>
        <source>Le code de chaque ambassadeur est ajouté à la fin de cette adresse, ou mis à la place de {code} s&apos;il y figure : c&apos;est le lien qu&apos;il partage.</source>
        <translation>Each ambassador’s code is added at the end of this address, or put in place of {code} if it is there: that is the link they share.</translation>
    </message>
    <message>
        <source>Ouverture de la base…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Aucune base n&apos;est ouverte : seule la langue peut être changée.</source>
        <translation>No database is open: only the language can be changed.</translation>
    </message>
    <message>
        <source>Chargement des paramètres…</source>
        <translation>Loading the settings…</translation>
    </message>
    <message>
        <source>Paramètres modifiés</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <source>Les paramètres ont été modifiés. Enregistrer les modifications ?</source>
        <translation>The settings have been changed. Save the changes?</translation>
    </message>
    <message>
        <source>Ne pas enregistrer</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>La langue changera au prochain démarrage.</source>
        <translation>The language will change at the next start.</translation>
    </message>
    <message>
        <source>Aucune base n&apos;est ouverte : seule la langue a été enregistrée.</source>
        <translation>No database is open: only the language was saved.</translation>
    </message>
    <message>
        <source>Paramètres enregistrés.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Choisir le logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Verrouiller après</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <source>Sans clavier ni souris pendant ce temps, une base protégée par mot de passe se verrouille.</source>
        <translation>With no keyboard or mouse for this long, a password-protected database locks itself.</translation>
    </message>
    <message>
        <source>Préférences de cet ordinateur enregistrées.</source>
        <translation>This computer&apos;s preferences saved.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Feuille d&apos;émargement — {event}</source>
        <translation>Sign-in sheet — {event}</translation>
    </message>
    <message>
        <source>Recopiez les lignes dans l&apos;ordre de la feuille imprimée : les inscrits y sont déjà, en italique ; pour qui a signé, cochez ses cases et validez, sinon passez (↓). Tab ou Entrée : case suivante ; ↑ ↓ : ligne précédente ou suivante ; Espace ou X : cocher un consentement. Sur « Contact », Entrée enregistre la ligne avec le contact proposé ; Alt+↓ pour en choisir un autre ou « Nouveau contact ». Chaque ligne est enregistrée aussitôt : vous pouvez fermer et reprendre plus tard.</source>
        <translation>Copy the lines in the order of the printed sheet: registered people are already there, in italics; for someone who signed, tick their boxes and confirm, otherwise move on (↓). Tab or Enter: next cell; ↑ ↓: previous or next line; Space or X: tick a consent. On “Contact”, Enter saves the line with the proposed contact; Alt+↓ to choose another one or “New contact”. Each line is saved at once: you can close and resume later.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ligne {line} non enregistrée : {message}</source>
        <translation>Line {line} not saved: {message}</translation>
    </message>
    <message>
        <source>Lignes non enregistrées</source>
        <translation>Lines not saved</translation>
    </message>
    <message>
        <source>Continuer la saisie</source>
        <translation>Go on typing</translation>
    </message>
</context>
<context>
    <name>SignInGrid</name>
    <message>
        <source>{name} — {reason}</source>
        <extracomment>What the match column may hold besides a contact&apos;s id. The sheet&apos;s pre-filled lines, in order: (the registered contact&apos;s id, the names as printed). (line number, what was typed, contact id, NEW_CONTACT or SKIP_LINE) -&gt; the saved line.</extracomment>
        <translation>{name} — {reason}</translation>
    </message>
    <message>
        <source>Inscrit, pré-rempli comme sur la feuille imprimée : Entrée sur « Contact » s&apos;il a signé</source>
        <translation>Registered, pre-filled as on the printed sheet: Enter on “Contact” if they signed</translation>
    </message>
    <message>
        <source>Ligne ignorée</source>
        <translation>Line skipped</translation>
    </message>
    <message>
        <source>✓ {name} — contact créé</source>
        <translation>✓ {name} — contact created</translation>
    </message>
    <message>
        <source>✓ {name}</source>
        <translation>✓ {name}</translation>
    </message>
    <message>
        <source>Enregistrée le {moment} par {who}</source>
        <translation>Saved on {moment} by {who}</translation>
    </message>
    <message>
        <source>Modifiée : Entrée sur « Contact » pour enregistrer</source>
        <translation>Changed: Enter on “Contact” to save</translation>
    </message>
    <message>
        <source>Cercle : {circle}</source>
        <translation>Circle: {circle}</translation>
    </message>
    <message>
        <source>Ligne vide : ignorée</source>
        <translation>Empty line: skipped</translation>
    </message>
    <message>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Recherche…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Charte signée par {name}</source>
        <translation>Charter signed by {name}</translation>
    </message>
    <message>
        <source>Version {version} : {title}</source>
        <translation>Version {version}: {title}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Signée le</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Aucune charte publiée : publiez-en une dans l&apos;onglet Charte.</source>
        <translation>No charter published: publish one in the Charter tab.</translation>
    </message>
    <message>
        <source>Indiquez la date de la signature.</source>
        <translation>Give the date of the signature.</translation>
    </message>
</context>
<context>
    <name>TagsAndSegmentsDialog</name>
    <message>
        <source>Tags et segments</source>
        <translation>Tags and segments</translation>
    </message>
    <message>
        <source>Renommer un tag le renomme aussi dans les segments. Fusionner des tags met le tag gardé sur tous leurs contacts.</source>
        <translation>Renaming a tag renames it in the segments too. Merging tags puts the tag kept on all their contacts.</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Un segment est un filtre enregistré : supprimer un segment ne touche à aucun contact.</source>
        <translation>A segment is a saved filter: deleting a segment touches no contact.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Fusionner…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nouveau nom de {name} :</source>
        <translation>New name of {name}:</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fusionner</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>{names} deviennent un seul. Lequel garder ? Les autres seront supprimés.</source>
        <translation>{names} become one. Which one to keep? The others will be deleted.</translation>
    </message>
    <message>
        <source>Supprimer {names} ? Le tag est retiré de ses contacts (eux restent) ; un segment qui le nomme ne gardera plus personne.</source>
        <translation>Delete {names}? The tag is taken off its contacts (they stay); a segment naming it will keep nobody.</translation>
    </message>
    <message>
        <source>Supprimer {names} ? Aucun contact n&apos;est touché.</source>
        <translation>Delete {names}? No contact is touched.</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>Modifier la contrepartie</source>
        <translation>Edit reward</translation>
    </message>
    <message>
        <source>Nouvelle contrepartie</source>
        <translation>New reward</translation>
    </message>
    <message>
        <source>Stock limité</source>
        <translation>Limited stock</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Livraison estimée</source>
        <translation>Estimated delivery</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>TiersView</name>
    <message>
        <source>Ajouter une contrepartie…</source>
        <translation>Add a reward…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Changement de cercle</source>
        <translation>Change of circle</translation>
    </message>
    <message>
        <source>Arrivée dans le cercle « {to} »</source>
        <translation>Joined the “{to}” circle</translation>
    </message>
    <message>
        <source>Arrivée</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Fusion</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Fusionné dans le contact n° {id}</source>
        <translation>Merged into contact no. {id}</translation>
    </message>
    <message>
        <source>Fusionné avec « {name} »</source>
        <translation>Merged with “{name}”</translation>
    </message>
    <message>
        <source>Fusion annulée : les deux fiches sont séparées</source>
        <translation>Merge undone: the two records are separate</translation>
    </message>
</context>
<context>
    <name>TouchPointDialog</name>
    <message>
        <source>Ce qui s&apos;est dit ou passé</source>
        <translation>What was said or happened</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UndoOffer</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UpcomingPublicationsPanel</name>
    <message>
        <source>Aucune publication prévue ces 7 prochains jours.</source>
        <translation>No post planned in the next 7 days.</translation>
    </message>
    <message>
        <source>Planifiez vos publications dans le calendrier éditorial.</source>
        <translation>Plan your posts in the editorial calendar.</translation>
    </message>
    <message>
        <source>sans réseau</source>
        <translation>no network</translation>
    </message>
    <message>
        <source>(sans titre)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>--db est ignoré avec --demo : la démonstration a sa propre base.</source>
        <translation>--db is ignored with --demo: the demo has its own database.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>dans vos trois cercles</source>
        <translation>in your three circles</translation>
    </message>
    <message>
        <source>Nouveaux contacts</source>
        <translation>New contacts</translation>
    </message>
    <message>
        <source>ces 30 derniers jours</source>
        <translation>in the last 30 days</translation>
    </message>
    <message>
        <source>Changements de cercle</source>
        <translation>Circle changes</translation>
    </message>
    <message>
        <source>Points de contact</source>
        <translation>Touch points</translation>
    </message>
    <message>
        <source>échanges notés ces 30 derniers jours</source>
        <translation>exchanges noted in the last 30 days</translation>
    </message>
    <message>
        <source>À relancer</source>
        <translation>To follow up</translation>
    </message>
    <message>
        <source>sans échange depuis plus longtemps que le rythme de leur cercle</source>
        <translation>no exchange for longer than the rhythm of their circle</translation>
    </message>
    <message>
        <source>Aucun événement à venir</source>
        <translation>No event coming</translation>
    </message>
    <message>
        <source>Dernier : %1 de présents</source>
        <translation>Last: %1 attended</translation>
    </message>
    <message>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Campagnes en cours</source>
        <translation>Current campaigns</translation>
    </message>
    <message>
        <source>Prochaines publications</source>
        <translation>Next publications</translation>
    </message>
    <message>
        <source>Ambassadeurs actifs</source>
        <translation>Active ambassadors</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Campagnes</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Calendrier éditorial</source>
        <translation>Editorial calendar</translation>
    </message>
    <message>
        <source>Ambassadeurs</source>
        <translation>Ambassadors</translation>
    </message>
    <message>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Documents PDF</source>
        <translation>PDF documents</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>rights</name>
    <message>
        <source>Votre profil ({role}) ne permet pas d&apos;{what}.</source>
        <translation>Your profile ({role}) may not {what}.</translation>
    </message>
    <message>
        <source>Votre profil ({role}) ne permet pas de {what}.</source>
        <translation>Your profile ({role}) may not {what}.</translation>
    </message>
</context>
<context>
    <name>save_target</name>
    <message>
        <source>« {name} » existe déjà dans {folder}.
Le remplacer ?</source>
        <translation>“{name}” already exists in {folder}.
Replace it?</translation>
    </message>
    <message>
        <source>Remplacer le fichier ?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Une erreur inattendue s&apos;est produite : l&apos;opération n&apos;a pas abouti. Rien de ce qui était déjà enregistré n&apos;est perdu.</source>
        <extracomment>Where unexpected errors are written; app.py sets it once logging to a file is set up.</extracomment>
        <translation>An unexpected error occurred: the operation did not complete. Nothing that was already saved is lost.</translation>
    </message>
    <message>
        <source>Le détail technique est noté dans le journal : {path}</source>
        <translation>The technical details are in the log: {path}</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annulation…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
</TS>
