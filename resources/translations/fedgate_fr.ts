<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>fedgate::wizard::EdgePoolForm</name>
    <message>
        <source>Internal pool FQDN</source>
        <translation>FQDN interne du pool</translation>
    </message>
    <message>
        <source>edge.contoso.local</source>
        <translation>edge.contoso.local</translation>
    </message>
    <message>
        <source>The pool's identity: the FQDN of its internal interface.</source>
        <translation>L'identité du pool : le FQDN de son interface interne.</translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation>FQDN externe</translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation>xmpp.contoso.com</translation>
    </message>
    <message>
        <source>The name partners connect to; the XMPP SRV records point to it.</source>
        <translation>Le nom auquel les partenaires se connectent ; les enregistrements SRV XMPP pointent vers lui.</translation>
    </message>
    <message>
        <source>Enable XMPP federation (port 5269)</source>
        <translation>Activer la fédération XMPP (port 5269)</translation>
    </message>
    <message>
        <source>Run the XMPP proxy on this pool. A site routes its XMPP traffic only through a pool that has it.</source>
        <translation>Exécute le proxy XMPP sur ce pool. Un site n'achemine son trafic XMPP que par un pool qui l'a activé.</translation>
    </message>
    <message>
        <source>XMPP port</source>
        <translation>Port XMPP</translation>
    </message>
    <message>
        <source>Internal link port</source>
        <translation>Port de la liaison interne</translation>
    </message>
    <message>
        <source>Also accept direct TLS (XEP-0368)</source>
        <translation>Accepter aussi TLS direct (XEP-0368)</translation>
    </message>
    <message>
        <source>Direct TLS port</source>
        <translation>Port TLS direct</translation>
    </message>
    <message>
        <source>Next hop pool</source>
        <translation>Pool du tronçon suivant</translation>
    </message>
    <message>
        <source>Next hop pool:</source>
        <translation>Pool du tronçon suivant :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::EdgeServerForm</name>
    <message>
        <source>Internal FQDN</source>
        <translation>FQDN interne</translation>
    </message>
    <message>
        <source>edge1.contoso.local</source>
        <translation>edge1.contoso.local</translation>
    </message>
    <message>
        <source>Internal IPv4</source>
        <translation>IPv4 interne</translation>
    </message>
    <message>
        <source>Internal IPv6</source>
        <translation>IPv6 interne</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation>FQDN externe</translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation>xmpp.contoso.com</translation>
    </message>
    <message>
        <source>External IPv4</source>
        <translation>IPv4 externe</translation>
    </message>
    <message>
        <source>External IPv6</source>
        <translation>IPv6 externe</translation>
    </message>
    <message>
        <source>Public IPv4 behind NAT</source>
        <translation>IPv4 publique derrière le NAT</translation>
    </message>
    <message>
        <source>Fill in when the external interface sits behind NAT: DNS then publishes this address.</source>
        <translation>À remplir si l'interface externe est derrière un NAT : le DNS publie alors cette adresse.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::FrontEndPoolForm</name>
    <message>
        <source>Pool FQDN</source>
        <translation>FQDN du pool</translation>
    </message>
    <message>
        <source>pool.contoso.com</source>
        <translation>pool.contoso.com</translation>
    </message>
    <message>
        <source>Member servers</source>
        <translation>Serveurs membres</translation>
    </message>
    <message>
        <source>fe1.contoso.com, fe2.contoso.com</source>
        <translation>fe1.contoso.com, fe2.contoso.com</translation>
    </message>
    <message>
        <source>The FQDNs of the servers in the pool, separated by commas. A single-computer pool lists the pool FQDN itself.</source>
        <translation>Les FQDN des serveurs du pool, séparés par des virgules. Un pool à un seul ordinateur indique le FQDN du pool lui-même.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::HomePage</name>
    <message>
        <source>Deployment steps</source>
        <translation>Étapes du déploiement</translation>
    </message>
    <message>
        <source>Run the steps from top to bottom. Each step shows what is already done on this machine; Run Again repeats a step safely, for example after you change and republish the topology.</source>
        <translation>Exécutez les étapes de haut en bas. Chaque étape indique ce qui est déjà fait sur cette machine ; « Réexécuter » répète une étape sans risque, par exemple après avoir modifié et republié la topologie.</translation>
    </message>
    <message>
        <source>Publish the topology</source>
        <translation>Publier la topologie</translation>
    </message>
    <message>
        <source>Describe sites, pools and the XMPP federation route, then publish them to the central store.</source>
        <translation>Décrivez les sites, les pools et l'itinéraire de fédération XMPP, puis publiez-les dans le magasin central.</translation>
    </message>
    <message>
        <source>Not published yet.</source>
        <translation>Pas encore publiée.</translation>
    </message>
    <message>
        <source>Version %1 published on %2.</source>
        <translation>Version %1 publiée le %2.</translation>
    </message>
    <message>
        <source>The draft has unpublished changes.</source>
        <translation>Le brouillon contient des modifications non publiées.</translation>
    </message>
    <message>
        <source>Install the local configuration store</source>
        <translation>Installer le magasin de configuration local</translation>
    </message>
    <message>
        <source>Copy the published topology into this machine's local store; the federation services read only this copy.</source>
        <translation>Copie la topologie publiée dans le magasin local de cette machine ; les services de fédération ne lisent que cette copie.</translation>
    </message>
    <message>
        <source>Publish the topology first.</source>
        <translation>Publiez d'abord la topologie.</translation>
    </message>
    <message>
        <source>Not installed.</source>
        <translation>Non installé.</translation>
    </message>
    <message>
        <source>Version %1 installed on %2.</source>
        <translation>Version %1 installée le %2.</translation>
    </message>
    <message>
        <source>Version %1 is newer: run again to install it.</source>
        <translation>La version %1 est plus récente : réexécutez pour l'installer.</translation>
    </message>
    <message>
        <source>Not available in this version.</source>
        <translation>Non disponible dans cette version.</translation>
    </message>
    <message>
        <source>The local configuration store now holds the latest published topology.</source>
        <translation>Le magasin de configuration local contient maintenant la dernière topologie publiée.</translation>
    </message>
    <message>
        <source>Set up components</source>
        <translation>Installer les composants</translation>
    </message>
    <message>
        <source>Install or update what the topology puts on this machine.</source>
        <translation>Installe ou met à jour ce que la topologie place sur cette machine.</translation>
    </message>
    <message>
        <source>Request certificates</source>
        <translation>Demander les certificats</translation>
    </message>
    <message>
        <source>Create the requests for the external and internal edge interfaces, with the names taken from the topology.</source>
        <translation>Crée les demandes pour les interfaces externe et interne de la périphérie, avec les noms tirés de la topologie.</translation>
    </message>
    <message>
        <source>Import certificates</source>
        <translation>Importer les certificats</translation>
    </message>
    <message>
        <source>Import the certificates your certification authority issued and match them to their private keys.</source>
        <translation>Importe les certificats émis par votre autorité de certification et les associe à leurs clés privées.</translation>
    </message>
    <message>
        <source>Assign certificates</source>
        <translation>Attribuer les certificats</translation>
    </message>
    <message>
        <source>Assign a certificate to the external and to the internal edge interface.</source>
        <translation>Attribue un certificat à l'interface externe et à l'interface interne de la périphérie.</translation>
    </message>
    <message>
        <source>Check DNS records</source>
        <translation>Vérifier les enregistrements DNS</translation>
    </message>
    <message>
        <source>Check the SRV and address records partners use to find this edge.</source>
        <translation>Vérifie les enregistrements SRV et d'adresse qu'utilisent les partenaires pour trouver cette périphérie.</translation>
    </message>
    <message>
        <source>Start services</source>
        <translation>Démarrer les services</translation>
    </message>
    <message>
        <source>Start the federation services and verify the listeners on ports 5269 and 23456.</source>
        <translation>Démarre les services de fédération et vérifie les écoutes sur les ports 5269 et 23456.</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Réexécuter</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::MainWindow</name>
    <message>
        <source>Fedgate - XMPP federation deployment</source>
        <translation>Fedgate - déploiement de la fédération XMPP</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Déploiement</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>XMPP partners</source>
        <translation>Partenaires XMPP</translation>
    </message>
    <message>
        <source>External access</source>
        <translation>Accès externe</translation>
    </message>
    <message>
        <source>Central store: %1</source>
        <translation>Magasin central : %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Topology File...</source>
        <translation>&amp;Ouvrir un fichier de topologie...</translation>
    </message>
    <message>
        <source>&amp;Export Topology File...</source>
        <translation>&amp;Exporter la topologie...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Deployment Steps</source>
        <translation>Étapes du &amp;déploiement</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Topology...</source>
        <translation>&amp;Topologie...</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>XMPP &amp;Partners...</source>
        <translation>&amp;Partenaires XMPP...</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>External &amp;Access Policies...</source>
        <translation>Stratégies d'&amp;accès externe...</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Fedgate</source>
        <translation>À &amp;propos de Fedgate</translation>
    </message>
    <message>
        <source>The %1 translation is missing; staying in English.</source>
        <translation>La traduction %1 est absente ; l'interface reste en anglais.</translation>
    </message>
    <message>
        <source>Open Topology File</source>
        <translation>Ouvrir un fichier de topologie</translation>
    </message>
    <message>
        <source>Topology documents (*.json)</source>
        <translation>Documents de topologie (*.json)</translation>
    </message>
    <message>
        <source>Loaded %1 as the draft topology.</source>
        <translation>%1 chargé comme brouillon de topologie.</translation>
    </message>
    <message>
        <source>Export Topology File</source>
        <translation>Exporter la topologie</translation>
    </message>
    <message>
        <source>Draft topology written to %1.</source>
        <translation>Brouillon de topologie écrit dans %1.</translation>
    </message>
    <message>
        <source>About Fedgate</source>
        <translation>À propos de Fedgate</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fedgate&lt;/b&gt;&lt;br&gt;Deploys XMPP federation through an edge server: topology, partners, policies, certificates and DNS.</source>
        <translation>&lt;b&gt;Fedgate&lt;/b&gt;&lt;br&gt;Déploie la fédération XMPP au moyen d'un serveur de périphérie : topologie, partenaires, stratégies, certificats et DNS.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::OrganisationForm</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Contoso Ltd</source>
        <translation>Contoso SA</translation>
    </message>
    <message>
        <source>Default SIP domain</source>
        <translation>Domaine SIP par défaut</translation>
    </message>
    <message>
        <source>contoso.com</source>
        <translation>contoso.com</translation>
    </message>
    <message>
        <source>The domain of your users' addresses.</source>
        <translation>Le domaine des adresses de vos utilisateurs.</translation>
    </message>
    <message>
        <source>Additional SIP domains</source>
        <translation>Domaines SIP supplémentaires</translation>
    </message>
    <message>
        <source>fabrikam.com, ...</source>
        <translation>fabrikam.com, ...</translation>
    </message>
    <message>
        <source>Other domains your users have addresses in, separated by commas.</source>
        <translation>Autres domaines où vos utilisateurs ont une adresse, séparés par des virgules.</translation>
    </message>
    <message>
        <source>XMPP domains</source>
        <translation>Domaines XMPP</translation>
    </message>
    <message>
        <source>Domains whose users federate over XMPP; the edge answers for them and DNS must publish an SRV record for each.</source>
        <translation>Domaines dont les utilisateurs sont fédérés par XMPP ; la périphérie répond pour eux et le DNS doit publier un enregistrement SRV pour chacun.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PageHeader</name>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Résultat de la dernière action</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnerDialog</name>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Non pris en charge</translation>
    </message>
    <message>
        <source>New XMPP Partner</source>
        <translation>Nouveau partenaire XMPP</translation>
    </message>
    <message>
        <source>Edit XMPP Partner %1</source>
        <translation>Modifier le partenaire XMPP %1</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Primary &amp;domain</source>
        <translation>&amp;Domaine principal</translation>
    </message>
    <message>
        <source>fabrikam.com</source>
        <translation>fabrikam.com</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>&amp;Additional domains</source>
        <translation>Domaines &amp;supplémentaires</translation>
    </message>
    <message>
        <source>Other domains of the same partner, separated by commas</source>
        <translation>Autres domaines du même partenaire, séparés par des virgules</translation>
    </message>
    <message>
        <source>Partner type</source>
        <translation>Type de partenaire</translation>
    </message>
    <message>
        <source>Federated</source>
        <translation>Fédéré</translation>
    </message>
    <message>
        <source>Public verified</source>
        <translation>Public vérifié</translation>
    </message>
    <message>
        <source>Public unverified</source>
        <translation>Public non vérifié</translation>
    </message>
    <message>
        <source>Partner &amp;type:</source>
        <translation>&amp;Type de partenaire :</translation>
    </message>
    <message>
        <source>Stream negotiation</source>
        <translation>Négociation du flux</translation>
    </message>
    <message>
        <source>TLS negotiation</source>
        <translation>Négociation TLS</translation>
    </message>
    <message>
        <source>T&amp;LS negotiation:</source>
        <translation>Négociation T&amp;LS :</translation>
    </message>
    <message>
        <source>SASL negotiation</source>
        <translation>Négociation SASL</translation>
    </message>
    <message>
        <source>&amp;SASL negotiation:</source>
        <translation>Négociation &amp;SASL :</translation>
    </message>
    <message>
        <source>Allow server &amp;dialback</source>
        <translation>Autoriser le &amp;rappel de serveur (dialback)</translation>
    </message>
    <message>
        <source>Negotiation verdict</source>
        <translation>Verdict de la négociation</translation>
    </message>
    <message>
        <source>What this combination negotiates</source>
        <translation>Ce que cette combinaison négocie</translation>
    </message>
    <message>
        <source>Negotiates:</source>
        <translation>Négocie :</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Limite de connexions</translation>
    </message>
    <message>
        <source>Connection &amp;limit:</source>
        <translation>&amp;Limite de connexions :</translation>
    </message>
    <message>
        <source>Send &amp;keep-alive pings</source>
        <translation>Envoyer des pings de &amp;maintien de connexion</translation>
    </message>
    <message>
        <source>Proxy FQDN</source>
        <translation>FQDN du proxy</translation>
    </message>
    <message>
        <source>optional: connect through this host instead of DNS</source>
        <translation>facultatif : se connecter par cet hôte au lieu du DNS</translation>
    </message>
    <message>
        <source>&amp;Proxy FQDN:</source>
        <translation>FQDN du &amp;proxy :</translation>
    </message>
    <message>
        <source>Enter the partner's primary domain.</source>
        <translation>Saisissez le domaine principal du partenaire.</translation>
    </message>
    <message>
        <source>The primary domain is not valid: %1</source>
        <translation>Le domaine principal n'est pas valide : %1</translation>
    </message>
    <message>
        <source>The additional domain %1 is not valid: %2</source>
        <translation>Le domaine supplémentaire %1 n'est pas valide : %2</translation>
    </message>
    <message>
        <source>The proxy FQDN is not valid: %1</source>
        <translation>Le FQDN du proxy n'est pas valide : %1</translation>
    </message>
    <message>
        <source>%1 is one of your own domains; a partner must be another organisation.</source>
        <translation>%1 est l'un de vos propres domaines ; un partenaire doit être une autre organisation.</translation>
    </message>
    <message>
        <source>%1 already belongs to partner %2. Edit that partner instead.</source>
        <translation>%1 appartient déjà au partenaire %2. Modifiez plutôt ce partenaire.</translation>
    </message>
    <message>
        <source>Trusted: partner contacts may add your users, see their presence and status notes, and send them messages.</source>
        <translation>De confiance : les contacts du partenaire peuvent ajouter vos utilisateurs, voir leur présence et leurs notes de statut, et leur envoyer des messages.</translation>
    </message>
    <message>
        <source>Partner contacts may add your users, see presence and send messages without authorisation, but never see status notes.</source>
        <translation>Les contacts du partenaire peuvent ajouter vos utilisateurs, voir leur présence et leur écrire sans autorisation, mais ne voient jamais les notes de statut.</translation>
    </message>
    <message>
        <source>Partner contacts can communicate only with users who added them first. Recommended for public providers.</source>
        <translation>Les contacts du partenaire ne peuvent communiquer qu'avec les utilisateurs qui les ont ajoutés d'abord. Recommandé pour les fournisseurs publics.</translation>
    </message>
    <message>
        <source>This combination is valid.</source>
        <translation>Cette combinaison est valide.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnersPage</name>
    <message>
        <source>Federated</source>
        <translation>Fédéré</translation>
    </message>
    <message>
        <source>Public verified</source>
        <translation>Public vérifié</translation>
    </message>
    <message>
        <source>Public unverified</source>
        <translation>Public non vérifié</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation>Non pris en charge</translation>
    </message>
    <message>
        <source>XMPP partners</source>
        <translation>Partenaires XMPP</translation>
    </message>
    <message>
        <source>The XMPP domains your users may exchange messages and presence with. The partner type decides what partner contacts may do without your users' consent; TLS, SASL and dialback decide how the servers authenticate each other.</source>
        <translation>Les domaines XMPP avec lesquels vos utilisateurs peuvent échanger messages et présence. Le type de partenaire fixe ce que ses contacts peuvent faire sans le consentement de vos utilisateurs ; TLS, SASL et le rappel fixent comment les serveurs s'authentifient mutuellement.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>SASL</source>
        <translation>SASL</translation>
    </message>
    <message>
        <source>Dialback</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Negotiates</source>
        <translation>Négocie</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>&amp;Nouveau...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Modifier...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Partner %1 saved in the draft topology. Publish the topology to apply it.</source>
        <translation>Partenaire %1 enregistré dans le brouillon de topologie. Publiez la topologie pour l'appliquer.</translation>
    </message>
    <message>
        <source>Partner %1 removed from the draft topology.</source>
        <translation>Partenaire %1 retiré du brouillon de topologie.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PoliciesPage</name>
    <message>
        <source>Global (everyone)</source>
        <translation>Globale (tout le monde)</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>User policy %1</source>
        <translation>Stratégie utilisateur %1</translation>
    </message>
    <message>
        <source>External access policies</source>
        <translation>Stratégies d'accès externe</translation>
    </message>
    <message>
        <source>Decide who may communicate outside the organisation. A user policy granted to a user wins over the policy of the user's site, which wins over the global policy. A user federates over XMPP only if the policy that applies allows XMPP federation.</source>
        <translation>Décidez qui peut communiquer hors de l'organisation. Une stratégie utilisateur attribuée à un utilisateur l'emporte sur celle de son site, qui l'emporte sur la stratégie globale. Un utilisateur n'est fédéré par XMPP que si la stratégie qui s'applique autorise la fédération XMPP.</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Stratégies</translation>
    </message>
    <message>
        <source>Site for a new site policy</source>
        <translation>Site d'une nouvelle stratégie de site</translation>
    </message>
    <message>
        <source>Add Site Policy</source>
        <translation>Ajouter une stratégie de site</translation>
    </message>
    <message>
        <source>Name of a new user policy</source>
        <translation>Nom d'une nouvelle stratégie utilisateur</translation>
    </message>
    <message>
        <source>contractors</source>
        <translation>prestataires</translation>
    </message>
    <message>
        <source>Add User Policy</source>
        <translation>Ajouter une stratégie utilisateur</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Selected policy allows</source>
        <translation>La stratégie sélectionnée autorise</translation>
    </message>
    <message>
        <source>Policy description</source>
        <translation>Description de la stratégie</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Users and grants</source>
        <translation>Utilisateurs et attributions</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Granted user policy</source>
        <translation>Stratégie utilisateur attribuée</translation>
    </message>
    <message>
        <source>Address of a new user</source>
        <translation>Adresse d'un nouvel utilisateur</translation>
    </message>
    <message>
        <source>alice@contoso.com</source>
        <translation>alice@contoso.com</translation>
    </message>
    <message>
        <source>Home site of the new user</source>
        <translation>Site de rattachement du nouvel utilisateur</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Ajouter l'utilisateur</translation>
    </message>
    <message>
        <source>Effective policy of the selected user</source>
        <translation>Stratégie effective de l'utilisateur sélectionné</translation>
    </message>
    <message>
        <source>Policy granted to %1</source>
        <translation>Stratégie attribuée à %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Every site already has a policy (or there is no site yet).</source>
        <translation>Chaque site a déjà une stratégie (ou il n'y a encore aucun site).</translation>
    </message>
    <message>
        <source>Type a name for the user policy first, without ':'.</source>
        <translation>Saisissez d'abord un nom pour la stratégie utilisateur, sans « : ».</translation>
    </message>
    <message>
        <source>The user policy %1 exists already.</source>
        <translation>La stratégie utilisateur %1 existe déjà.</translation>
    </message>
    <message>
        <source>Type the user's address as name@domain.</source>
        <translation>Saisissez l'adresse de l'utilisateur sous la forme nom@domaine.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 est déjà dans la liste.</translation>
    </message>
    <message>
        <source>Select a user to see which policy applies.</source>
        <translation>Sélectionnez un utilisateur pour voir quelle stratégie s'applique.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 applies (%3). Allows: %4. XMPP federation: &lt;b&gt;%5&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2 s'applique (%3). Autorise : %4. Fédération XMPP : &lt;b&gt;%5&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>nothing outside the organisation</source>
        <translation>rien hors de l'organisation</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>autorisée</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>non autorisée</translation>
    </message>
    <message>
        <source>Federation with other organisations</source>
        <translation>Fédération avec d'autres organisations</translation>
    </message>
    <message>
        <source>XMPP federation</source>
        <translation>Fédération XMPP</translation>
    </message>
    <message>
        <source>Public IM providers</source>
        <translation>Fournisseurs de messagerie publics</translation>
    </message>
    <message>
        <source>Audio and video with public providers</source>
        <translation>Audio et vidéo avec les fournisseurs publics</translation>
    </message>
    <message>
        <source>Access from outside the network</source>
        <translation>Accès depuis l'extérieur du réseau</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PublishDialog</name>
    <message>
        <source>Publish Topology</source>
        <translation>Publier la topologie</translation>
    </message>
    <message>
        <source>Nothing is published yet. Publishing stores this topology as version 1.</source>
        <translation>Rien n'est encore publié. La publication enregistre cette topologie comme version 1.</translation>
    </message>
    <message numerus="yes">
        <source>Changes against published version %1 (%n change(s)):</source>
        <translation><numerusform>Modifications par rapport à la version publiée %1 (%n modification) :</numerusform><numerusform>Modifications par rapport à la version publiée %1 (%n modifications) :</numerusform></translation>
    </message>
    <message>
        <source>Changes to publish</source>
        <translation>Modifications à publier</translation>
    </message>
    <message>
        <source>No change: publishing stores the same topology again.</source>
        <translation>Aucune modification : la publication enregistre de nouveau la même topologie.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Why this change, for the versions list</source>
        <translation>Pourquoi cette modification, pour la liste des versions</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Commentaire :</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::SiteForm</name>
    <message>
        <source>Site name</source>
        <translation>Nom du site</translation>
    </message>
    <message>
        <source>Paris</source>
        <translation>Paris</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>XMPP federation route</source>
        <translation>Itinéraire de fédération XMPP</translation>
    </message>
    <message>
        <source>The edge pool that carries this site's XMPP federation traffic. Only edge pools with XMPP federation enabled are offered.</source>
        <translation>Le pool de périphérie qui achemine le trafic de fédération XMPP de ce site. Seuls les pools où la fédération XMPP est activée sont proposés.</translation>
    </message>
    <message>
        <source>XMPP federation route:</source>
        <translation>Itinéraire de fédération XMPP :</translation>
    </message>
    <message>
        <source>(none: this site does not federate over XMPP)</source>
        <translation>(aucun : ce site n'est pas fédéré par XMPP)</translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation>%1 (site %2)</translation>
    </message>
    <message>
        <source>%1 (XMPP federation not enabled)</source>
        <translation>%1 (fédération XMPP non activée)</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyPage</name>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Describe your sites, their front-end and edge pools, and which edge pool carries each site's XMPP federation traffic. Changes are saved as a draft at once; Publish makes them the new version edge servers install.</source>
        <translation>Décrivez vos sites, leurs pools frontaux et de périphérie, et le pool de périphérie qui achemine le trafic de fédération XMPP de chaque site. Les modifications sont enregistrées aussitôt comme brouillon ; « Publier » en fait la nouvelle version qu'installent les serveurs de périphérie.</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Topology objects</source>
        <translation>Objets de la topologie</translation>
    </message>
    <message>
        <source>Add &amp;Site</source>
        <translation>Ajouter un &amp;site</translation>
    </message>
    <message>
        <source>Add &amp;Front End</source>
        <translation>Ajouter un pool &amp;frontal</translation>
    </message>
    <message>
        <source>Add E&amp;dge Pool</source>
        <translation>Ajouter un pool de &amp;périphérie</translation>
    </message>
    <message>
        <source>Add Edge Ser&amp;ver</source>
        <translation>Ajouter un ser&amp;veur de périphérie</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Select an object in the tree to edit it.</source>
        <translation>Sélectionnez un objet dans l'arborescence pour le modifier.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Résultats de la validation</translation>
    </message>
    <message>
        <source>&amp;Publish...</source>
        <translation>&amp;Publier...</translation>
    </message>
    <message>
        <source>Versions...</source>
        <translation>Versions...</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>%1 (XMPP)</source>
        <translation>%1 (XMPP)</translation>
    </message>
    <message>
        <source>Edge server %1</source>
        <translation>Serveur de périphérie %1</translation>
    </message>
    <message>
        <source>No problem found: the topology can be published.</source>
        <translation>Aucun problème : la topologie peut être publiée.</translation>
    </message>
    <message>
        <source>%1 error(s) and %2 warning(s). Errors must be fixed before publishing; click a line to select the object.</source>
        <translation>%1 erreur(s) et %2 avertissement(s). Corrigez les erreurs avant de publier ; cliquez sur une ligne pour sélectionner l'objet.</translation>
    </message>
    <message>
        <source>Site%1</source>
        <translation>Site%1</translation>
    </message>
    <message>
        <source>The topology has errors (listed under Validation). Fix them, then publish again.</source>
        <translation>La topologie contient des erreurs (listées sous Validation). Corrigez-les, puis publiez de nouveau.</translation>
    </message>
    <message>
        <source>Published version %1. Install it on each edge server from the Deployment page (local configuration store).</source>
        <translation>Version %1 publiée. Installez-la sur chaque serveur de périphérie depuis la page Déploiement (magasin de configuration local).</translation>
    </message>
    <message>
        <source>Version %1 published again as version %2.</source>
        <translation>Version %1 republiée comme version %2.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyView</name>
    <message>
        <source>Topology picture</source>
        <translation>Schéma de la topologie</translation>
    </message>
    <message>
        <source>Sites, pools, XMPP federation routes and partners.</source>
        <translation>Sites, pools, itinéraires de fédération XMPP et partenaires.</translation>
    </message>
    <message>
        <source>No site yet. Add a site to start the topology.</source>
        <translation>Aucun site pour l'instant. Ajoutez un site pour commencer la topologie.</translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation>Site %1</translation>
    </message>
    <message>
        <source>XMPP route of %1</source>
        <translation>Itinéraire XMPP de %1</translation>
    </message>
    <message>
        <source>Front-end pool</source>
        <translation>Pool frontal</translation>
    </message>
    <message>
        <source>Edge pool, XMPP port %1</source>
        <translation>Périphérie, port XMPP %1</translation>
    </message>
    <message>
        <source>Edge pool, no XMPP</source>
        <translation>Périphérie, sans XMPP</translation>
    </message>
    <message>
        <source>front-end pool</source>
        <translation>pool frontal</translation>
    </message>
    <message>
        <source>edge pool with XMPP</source>
        <translation>périphérie avec XMPP</translation>
    </message>
    <message>
        <source>edge pool without XMPP</source>
        <translation>périphérie sans XMPP</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partenaire</translation>
    </message>
    <message>
        <source>federated</source>
        <translation>fédéré</translation>
    </message>
    <message>
        <source>public, verified</source>
        <translation>public, vérifié</translation>
    </message>
    <message>
        <source>public, unverified</source>
        <translation>public, non vérifié</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::VersionsDialog</name>
    <message>
        <source>Published Versions</source>
        <translation>Versions publiées</translation>
    </message>
    <message>
        <source>Rolling back publishes the content of the selected version again, as a new version. Edge servers pick it up when their local store is installed again.</source>
        <translation>La restauration republie le contenu de la version sélectionnée comme nouvelle version. Les serveurs de périphérie la reçoivent lorsque leur magasin local est réinstallé.</translation>
    </message>
    <message>
        <source>Published versions</source>
        <translation>Versions publiées</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version</source>
        <translation>&amp;Restaurer cette version</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::Workspace</name>
    <message>
        <source>The central store is not open.</source>
        <translation>Le magasin central n'est pas ouvert.</translation>
    </message>
    <message>
        <source>The central store is not open. Restart Fedgate; if it fails again, check that the store location is reachable.</source>
        <translation>Le magasin central n'est pas ouvert. Redémarrez Fedgate ; en cas de nouvel échec, vérifiez que l'emplacement du magasin est accessible.</translation>
    </message>
</context>
</TS>