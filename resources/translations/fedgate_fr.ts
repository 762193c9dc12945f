<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>fedgate::wizard::CertificateRequestWizard</name>
    <message>
        <source>Certificate Request</source>
        <translation>Demande de certificat</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::CertificatesPage</name>
    <message>
        <source>Publish the topology first: certificate names come from the published topology.</source>
        <translation>Publiez d'abord la topologie : les noms du certificat viennent de la topologie publiée.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Request a certificate for each edge interface, import what your certification authority sends back, then assign it. The external certificate must name what partners connect to; the list warns before a certificate expires.</source>
        <translation>Demandez un certificat pour chaque interface de la périphérie, importez la réponse de votre autorité de certification, puis attribuez-le. Le certificat externe doit nommer ce à quoi les partenaires se connectent ; la liste avertit avant l'expiration d'un certificat.</translation>
    </message>
    <message>
        <source>Certificates in the key store</source>
        <translation>Certificats du magasin de clés</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribué à</translation>
    </message>
    <message>
        <source>&amp;Request...</source>
        <translation>&amp;Demander...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>&amp;Importer...</translation>
    </message>
    <message>
        <source>Assign to &amp;External Edge</source>
        <translation>Attribuer à la périphérie &amp;externe</translation>
    </message>
    <message>
        <source>Assign to I&amp;nternal Edge</source>
        <translation>Attribuer à la périphérie i&amp;nterne</translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation>Demandes en attente</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>View &amp;CSR</source>
        <translation>Voir la &amp;CSR</translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;, expires on %3.</source>
        <translation>%1 : &lt;b&gt;%2&lt;/b&gt;, expire le %3.</translation>
    </message>
    <message>
        <source>%1: no certificate assigned.</source>
        <translation>%1 : aucun certificat attribué.</translation>
    </message>
    <message>
        <source>Select a certificate in the list first.</source>
        <translation>Sélectionnez d'abord un certificat dans la liste.</translation>
    </message>
    <message>
        <source>Assigned to the %1 interface. Restart the edge services to use it.</source>
        <translation>Attribué à l'interface %1. Redémarrez les services de la périphérie pour l'utiliser.</translation>
    </message>
    <message>
        <source>Select a pending request first.</source>
        <translation>Sélectionnez d'abord une demande en attente.</translation>
    </message>
    <message>
        <source>Certificate Request</source>
        <translation>Demande de certificat</translation>
    </message>
    <message>
        <source>External edge</source>
        <translation>Périphérie externe</translation>
    </message>
    <message>
        <source>Internal edge</source>
        <translation>Périphérie interne</translation>
    </message>
    <message>
        <source>Assign to &amp;Gateway</source>
        <translation>Attribuer à la &amp;passerelle</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>&amp;Details...</source>
        <translation>&amp;Détails...</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xporter...</translation>
    </message>
    <message>
        <source>De&amp;lete Request...</source>
        <translation>&amp;Supprimer la demande...</translation>
    </message>
    <message>
        <source>Delete Request</source>
        <translation>Supprimer la demande</translation>
    </message>
    <message>
        <source>Delete the pending request %1 and its private key? A certificate issued for it can then no longer be imported.</source>
        <translation>Supprimer la demande en attente %1 et sa clé privée ? Un certificat émis pour elle ne pourra alors plus être importé.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Request deleted.</source>
        <translation>Demande supprimée.</translation>
    </message>
    <message>
        <source>server authentication</source>
        <translation>authentification du serveur</translation>
    </message>
    <message>
        <source>client authentication</source>
        <translation>authentification du client</translation>
    </message>
    <message>
        <source>Names (SAN)</source>
        <translation>Noms (SAN)</translation>
    </message>
    <message>
        <source>XMPP addresses</source>
        <translation>Adresses XMPP</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Émis par</translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (auto-signé)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide à partir du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu'au</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>Utilisation étendue de la clé</translation>
    </message>
    <message>
        <source>(none: any purpose)</source>
        <translation>(aucune : tout usage)</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complète</translation>
    </message>
    <message>
        <source>incomplete: an intermediate or the root is missing</source>
        <translation>incomplète : un intermédiaire ou la racine manque</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificat %1</translation>
    </message>
    <message>
        <source>Only an assigned certificate can be exported with its key. Assign it first.</source>
        <translation>Seul un certificat attribué peut être exporté avec sa clé. Attribuez-le d'abord.</translation>
    </message>
    <message>
        <source>Export Certificate</source>
        <translation>Exporter le certificat</translation>
    </message>
    <message>
        <source>PKCS #12 files (*.pfx *.p12)</source>
        <translation>Fichiers PKCS #12 (*.pfx *.p12)</translation>
    </message>
    <message>
        <source>Password protecting the file (you type it again when importing it on the other pool member):</source>
        <translation>Mot de passe protégeant le fichier (vous le saisirez de nouveau pour l'importer sur l'autre membre du pool) :</translation>
    </message>
    <message>
        <source>Exported with its key and chain to %1 (PKCS #12). Import it on the other members of the pool.</source>
        <translation>Exporté avec sa clé et sa chaîne dans %1 (PKCS #12). Importez-le sur les autres membres du pool.</translation>
    </message>
    <message>
        <source>Re&amp;move Assignment...</source>
        <translation>Retirer l'attri&amp;bution...</translation>
    </message>
    <message>
        <source>Rene&amp;w...</source>
        <translation>Reno&amp;uveler...</translation>
    </message>
    <message>
        <source>This certificate is not assigned to any interface; there is no assignment to remove.</source>
        <translation>Ce certificat n'est attribué à aucune interface ; il n'y a pas d'attribution à retirer.</translation>
    </message>
    <message>
        <source>Remove Assignment</source>
        <translation>Retirer l'attribution</translation>
    </message>
    <message>
        <source>Remove the certificate from the %1 interface? The interface then has no certificate until another is assigned. The certificate stays in the key store.</source>
        <translation>Retirer le certificat de l'interface %1 ? L'interface n'a alors plus de certificat jusqu'à ce qu'un autre soit attribué. Le certificat reste dans le magasin de clés.</translation>
    </message>
    <message>
        <source>The %1 interface has no certificate now. Restart the edge services.</source>
        <translation>L'interface %1 n'a plus de certificat. Redémarrez les services de périphérie.</translation>
    </message>
    <message>
        <source>Renew Certificate</source>
        <translation>Renouveler le certificat</translation>
    </message>
    <message>
        <source>Renew %1 with the same names and a new key? The internal CA signs it at once; assign the new certificate to use it.</source>
        <translation>Renouveler %1 avec les mêmes noms et une nouvelle clé ? L'autorité de certification interne le signe aussitôt ; attribuez le nouveau certificat pour l'utiliser.</translation>
    </message>
    <message>
        <source>Make a request for %1 with the same names and a new key? Send its CSR to your CA, then import the answer and assign it.</source>
        <translation>Créer une demande pour %1 avec les mêmes noms et une nouvelle clé ? Envoyez sa CSR à votre autorité de certification, puis importez la réponse et attribuez-la.</translation>
    </message>
    <message>
        <source>The current certificate stays assigned until then.</source>
        <translation>Le certificat actuel reste attribué d'ici là.</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>Renewed: the new certificate is in the list. Assign it to replace the current one.</source>
        <translation>Renouvelé : le nouveau certificat est dans la liste. Attribuez-le pour remplacer l'actuel.</translation>
    </message>
    <message>
        <source>Renewal request made: select it under Pending requests, View CSR and send it to your CA, then import the answer.</source>
        <translation>Demande de renouvellement créée : sélectionnez-la dans Demandes en attente, affichez la CSR et envoyez-la à votre autorité de certification, puis importez la réponse.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::DnsPage</name>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>checking...</source>
        <translation>vérification...</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>other target</source>
        <translation>autre cible</translation>
    </message>
    <message>
        <source>other port</source>
        <translation>autre port</translation>
    </message>
    <message>
        <source>other priority</source>
        <translation>autre priorité</translation>
    </message>
    <message>
        <source>service disabled</source>
        <translation>service désactivé</translation>
    </message>
    <message>
        <source>target is an alias</source>
        <translation>la cible est un alias</translation>
    </message>
    <message>
        <source>private address</source>
        <translation>adresse privée</translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation>Enregistrements DNS</translation>
    </message>
    <message>
        <source>Partners find your edge through these records. Publish the external ones in your Internet zone, then check them here: against the system resolver, or against a name server you name (for example your zone's primary, before it propagates).</source>
        <translation>Les partenaires trouvent votre périphérie grâce à ces enregistrements. Publiez les enregistrements externes dans votre zone Internet, puis vérifiez-les ici : auprès du résolveur du système, ou d'un serveur de noms que vous indiquez (par exemple le primaire de votre zone, avant la propagation).</translation>
    </message>
    <message>
        <source>S&amp;ystem resolver</source>
        <translation>Résolveur du s&amp;ystème</translation>
    </message>
    <message>
        <source>&amp;Name server:</source>
        <translation>Serveur de &amp;noms :</translation>
    </message>
    <message>
        <source>Name server address</source>
        <translation>Adresse du serveur de noms</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.53</source>
        <translation>ex. 192.0.2.53</translation>
    </message>
    <message>
        <source>Also check &amp;internal records</source>
        <translation>Vérifier aussi les enregistrements &amp;internes</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progression de la vérification</translation>
    </message>
    <message>
        <source>Planned DNS records</source>
        <translation>Enregistrements DNS prévus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Findings and fixes</source>
        <translation>Problèmes et corrections</translation>
    </message>
    <message>
        <source>DNS findings</source>
        <translation>Problèmes DNS</translation>
    </message>
    <message>
        <source>Export &amp;Zone Snippet...</source>
        <translation>Exporter l'extrait de &amp;zone...</translation>
    </message>
    <message>
        <source>Export C&amp;SV...</source>
        <translation>Exporter en C&amp;SV...</translation>
    </message>
    <message>
        <source>Co&amp;py Zone Snippet</source>
        <translation>Co&amp;pier l'extrait de zone</translation>
    </message>
    <message>
        <source>Records planned from published version %1.</source>
        <translation>Enregistrements prévus d'après la version publiée %1.</translation>
    </message>
    <message>
        <source>Nothing is published yet: records planned from the draft.</source>
        <translation>Rien n'est encore publié : enregistrements prévus d'après le brouillon.</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externe</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interne</translation>
    </message>
    <message>
        <source>&amp;Cancel Check</source>
        <translation>&amp;Annuler la vérification</translation>
    </message>
    <message>
        <source>Create: %1</source>
        <translation>Créer : %1</translation>
    </message>
    <message>
        <source>Delete: %1</source>
        <translation>Supprimer : %1</translation>
    </message>
    <message>
        <source>Check cancelled. %1</source>
        <translation>Vérification annulée. %1</translation>
    </message>
    <message>
        <source>Zone snippet copied to the clipboard.</source>
        <translation>Extrait de zone copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Export Zone Snippet</source>
        <translation>Exporter l'extrait de zone</translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt)</source>
        <translation>Fichiers de zone (*.zone *.txt)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>Zone snippet written to %1.</source>
        <translation>Extrait de zone écrit dans %1.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Checklist written to %1.</source>
        <translation>Liste de contrôle écrite dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 record(s) correct on %2 (%3 ms).</source>
        <translation><numerusform>%n enregistrement correct sur %1 auprès de %2 (%3 ms).</numerusform><numerusform>%n enregistrements corrects sur %1 auprès de %2 (%3 ms).</numerusform></translation>
    </message>
    <message>
        <source>not checked: no answer</source>
        <translation>non vérifié : pas de réponse</translation>
    </message>
    <message>
        <source>not checked: unreachable</source>
        <translation>non vérifié : injoignable</translation>
    </message>
    <message>
        <source>not checked: refused</source>
        <translation>non vérifié : refusé</translation>
    </message>
    <message>
        <source>not checked: server failure</source>
        <translation>non vérifié : échec du serveur</translation>
    </message>
    <message>
        <source>DNSSEC of %1: %2</source>
        <translation>DNSSEC de %1 : %2</translation>
    </message>
    <message>
        <source>DNSSEC of %1: %2 (%3)</source>
        <translation>DNSSEC de %1 : %2 (%3)</translation>
    </message>
    <message>
        <source>Last check (%1): %2</source>
        <translation>Dernière vérification (%1) : %2</translation>
    </message>
</context>
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
        <source>The FQDN of each server in the pool, one per row. A single-computer pool lists the pool FQDN itself.</source>
        <translation>Le FQDN de chaque serveur du pool, un par ligne. Un pool à un seul ordinateur indique le FQDN du pool lui-même.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>One server FQDN per row; double-click a row to change it. A single-computer pool lists the pool FQDN itself.</source>
        <translation>Un FQDN de serveur par ligne ; double-cliquez sur une ligne pour la modifier. Un pool à un seul ordinateur indique le FQDN du pool lui-même.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::HomePage</name>
    <message>
        <source>Deployment steps</source>
        <translation>Étapes du déploiement</translation>
    </message>
    <message>
        <source>Publish the topology</source>
        <translation>Publier la topologie</translation>
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
        <source>Publish the topology first.</source>
        <translation>Publiez d'abord la topologie.</translation>
    </message>
    <message>
        <source>Set up components</source>
        <translation>Installer les composants</translation>
    </message>
    <message>
        <source>Check DNS records</source>
        <translation>Vérifier les enregistrements DNS</translation>
    </message>
    <message>
        <source>Start services</source>
        <translation>Démarrer les services</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Réexécuter</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Run the steps from top to bottom. Each step shows what was checked on this machine; Run Again repeats a step safely, for example after you republish the topology.</source>
        <translation>Exécutez les étapes de haut en bas. Chaque étape montre ce qui a été vérifié sur cette machine ; Exécuter à nouveau répète une étape sans risque, par exemple après une nouvelle publication de la topologie.</translation>
    </message>
    <message>
        <source>Data directory: %1 (%2). The wizard, fedgatectl and the service all use it.</source>
        <translation>Répertoire de données : %1 (%2). L'assistant, fedgatectl et le service l'utilisent tous.</translation>
    </message>
    <message>
        <source>This machine:</source>
        <translation>Cette machine :</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rôles :</translation>
    </message>
    <message>
        <source>From its place in the topology</source>
        <translation>Selon sa place dans la topologie</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>Edge and gateway</source>
        <translation>Edge et passerelle</translation>
    </message>
    <message>
        <source>An edge server runs the edge and a front-end pool member the gateway; one machine can run both (the gateway then serves the edge pool's next-hop front-end pool).</source>
        <translation>Un serveur edge exécute le rôle edge et un membre de pool frontal la passerelle ; une machine peut exécuter les deux (la passerelle sert alors le pool frontal du tronçon suivant du pool edge).</translation>
    </message>
    <message>
        <source>fedgated options:</source>
        <translation>Options de fedgated :</translation>
    </message>
    <message>
        <source>none (for example --client-listen 10.10.2.20:5222)</source>
        <translation>aucune (par exemple --client-listen 10.10.2.20:5222)</translation>
    </message>
    <message>
        <source>Extra command-line options the service configuration gives fedgated, such as listen addresses.</source>
        <translation>Options de ligne de commande supplémentaires que la configuration du service passe à fedgated, comme les adresses d'écoute.</translation>
    </message>
    <message>
        <source>Internal CA...</source>
        <translation>AC interne...</translation>
    </message>
    <message>
        <source>Request every missing certificate from Fedgate's internal certification authority and assign it.</source>
        <translation>Demander chaque certificat manquant à l'autorité de certification interne de Fedgate et l'attribuer.</translation>
    </message>
    <message>
        <source>View Log</source>
        <translation>Voir le journal</translation>
    </message>
    <message>
        <source>Describe sites, pools and the XMPP federation route, then publish them to the central store. Run opens the Publish dialog.</source>
        <translation>Décrivez les sites, les pools et l'itinéraire de fédération XMPP, puis publiez-les dans le magasin central. Exécuter ouvre la boîte de dialogue de publication.</translation>
    </message>
    <message>
        <source>Reading the deployment plan...</source>
        <translation>Lecture du plan de déploiement...</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>À faire : %1</translation>
    </message>
    <message>
        <source>Nothing is planned for this machine.</source>
        <translation>Rien n'est prévu pour cette machine.</translation>
    </message>
    <message>
        <source>Start fedgated, then check in the operating system's socket table that it listens on the planned ports (5269 federation, 23456 internal link) and that the internal link is established. Run Again restarts it.</source>
        <translation>Démarre fedgated, puis vérifie dans la table des sockets du système d'exploitation qu'il écoute sur les ports prévus (5269 fédération, 23456 liaison interne) et que la liaison interne est établie. Exécuter à nouveau le redémarre.</translation>
    </message>
    <message>
        <source>Looking at the service and its sockets...</source>
        <translation>Examen du service et de ses sockets...</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Arrêté.</translation>
    </message>
    <message numerus="yes">
        <source>Running as process %1 for %n minute(s).</source>
        <translation><numerusform>En cours d'exécution (processus %1) depuis %n minute.</numerusform><numerusform>En cours d'exécution (processus %1) depuis %n minutes.</numerusform></translation>
    </message>
    <message>
        <source>Every planned listener is open, and the internal link is established where it is planned.</source>
        <translation>Chaque écoute prévue est ouverte, et la liaison interne est établie là où elle est prévue.</translation>
    </message>
    <message>
        <source>But: %1</source>
        <translation>Mais : %1</translation>
    </message>
    <message>
        <source>Check the SRV and address records partners use to find this edge. The last result is kept when Fedgate restarts.</source>
        <translation>Vérifie les enregistrements SRV et d'adresse que les partenaires utilisent pour trouver cet edge. Le dernier résultat est conservé au redémarrage de Fedgate.</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 record(s) correct, checked %2 against %3.</source>
        <translation><numerusform>%n enregistrement correct sur %1, vérifié le %2 auprès de %3.</numerusform><numerusform>%n enregistrements corrects sur %1, vérifiés le %2 auprès de %3.</numerusform></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Run the whole troubleshooting checklist: service, local replica, route, listeners, internal link, certificates, DNS and partners.</source>
        <translation>Exécute toute la liste de contrôle de dépannage : service, réplique locale, itinéraire, écoutes, liaison interne, certificats, DNS et partenaires.</translation>
    </message>
    <message>
        <source>Not verified since Fedgate started.</source>
        <translation>Pas vérifié depuis le démarrage de Fedgate.</translation>
    </message>
    <message>
        <source>Install the local replica</source>
        <translation>Installer la réplique locale</translation>
    </message>
    <message>
        <source>Copy the latest published topology into this machine's local store; the services read only this copy.</source>
        <translation>Copie la dernière topologie publiée dans le magasin local de cette machine ; les services ne lisent que cette copie.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Each interface this machine serves needs an assigned certificate with the topology's names. Run opens the Certificates page: choosing the certification authority (public, your own, or Fedgate's internal one) is your decision.</source>
        <translation>Chaque interface servie par cette machine a besoin d'un certificat attribué portant les noms de la topologie. Exécuter ouvre la page Certificats : le choix de l'autorité de certification (publique, la vôtre ou l'autorité interne de Fedgate) vous appartient.</translation>
    </message>
    <message>
        <source>Write the service configuration for the roles this machine runs (edge, gateway): listeners, certificates and the local replica.</source>
        <translation>Écrit la configuration du service pour les rôles de cette machine (edge, passerelle) : écoutes, certificats et réplique locale.</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>En cours : %1</translation>
    </message>
    <message>
        <source>The last run failed: %1</source>
        <translation>La dernière exécution a échoué : %1</translation>
    </message>
    <message>
        <source>Another step is running.</source>
        <translation>Une autre étape est en cours.</translation>
    </message>
    <message>
        <source>Running...</source>
        <translation>En cours...</translation>
    </message>
    <message>
        <source>Certificates from the internal CA</source>
        <translation>Certificats de l'AC interne</translation>
    </message>
    <message>
        <source>Request every missing certificate of this machine from Fedgate's internal certification authority (created if there is none yet) and assign it?</source>
        <translation>Demander chaque certificat manquant de cette machine à l'autorité de certification interne de Fedgate (créée s'il n'y en a pas encore) et l'attribuer ?</translation>
    </message>
    <message>
        <source>Only servers that trust this authority accept these certificates: fine for the internal link and the gateway; partners usually expect a public certification authority on the external interface.</source>
        <translation>Seuls les serveurs qui font confiance à cette autorité acceptent ces certificats : cela convient à la liaison interne et à la passerelle ; les partenaires attendent en général une autorité de certification publique sur l'interface externe.</translation>
    </message>
    <message>
        <source>Request and Assign</source>
        <translation>Demander et attribuer</translation>
    </message>
    <message>
        <source>started.</source>
        <translation>démarrée.</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Journal : %1</translation>
    </message>
    <message>
        <source>Nothing logged yet for this step.</source>
        <translation>Rien n'a encore été journalisé pour cette étape.</translation>
    </message>
    <message>
        <source>Version %1 published on %2 by %3: %4 %5</source>
        <translation>Version %1 publiée le %2 par %3 : %4 %5</translation>
    </message>
    <message>
        <source>Checked %1 against %2.</source>
        <translation>Vérifié le %1 auprès de %2.</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>fedgated options</source>
        <translation>Options de fedgated</translation>
    </message>
    <message>
        <source>The deployment plan cannot be made yet: see "%1".</source>
        <translation>Le plan de déploiement ne peut pas encore être établi : voir « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation><numerusform>(et %n autre)</numerusform><numerusform>(et %n autres)</numerusform></translation>
    </message>
    <message>
        <source>Topology version %1 is installed.</source>
        <translation>La version %1 de la topologie est installée.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) assigned, each covering the topology's names.</source>
        <translation><numerusform>%n certificat attribué, couvrant les noms de la topologie.</numerusform><numerusform>%n certificats attribués, chacun couvrant les noms de la topologie.</numerusform></translation>
    </message>
    <message>
        <source>The service configuration is written (roles: %1).</source>
        <translation>La configuration du service est écrite (rôles : %1).</translation>
    </message>
    <message numerus="yes">
        <source>Running as process %1 for %n second(s).</source>
        <translation><numerusform>En cours d'exécution (processus %1) depuis %n seconde.</numerusform><numerusform>En cours d'exécution (processus %1) depuis %n secondes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) missing or not covering the topology's names.</source>
        <translation><numerusform>%n certificat manquant ou ne couvrant pas les noms de la topologie.</numerusform><numerusform>%n certificats manquants ou ne couvrant pas les noms de la topologie.</numerusform></translation>
    </message>
    <message>
        <source>Run to choose them, or Internal CA... to issue them at once.</source>
        <translation>Exécuter pour les choisir, ou AC interne... pour les émettre aussitôt.</translation>
    </message>
    <message>
        <source>fedgated is managed by systemd (unit fedgated).</source>
        <translation>fedgated est géré par systemd (unité fedgated).</translation>
    </message>
    <message>
        <source>fedgated runs under Fedgate's built-in supervisor (pid file and log in the data directory).</source>
        <translation>fedgated tourne sous le superviseur intégré de Fedgate (fichier pid et journal dans le répertoire de données).</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ImportCertificateDialog</name>
    <message>
        <source>Import Certificate</source>
        <translation>Importer un certificat</translation>
    </message>
    <message>
        <source>Choose the file your certification authority sent: PEM or DER (.cer, .crt, .pem), PKCS#7 (.p7b) or PKCS#12 (.pfx, .p12). The certificate is matched to the private key of its pending request, or the key in the file is used.</source>
        <translation>Choisissez le fichier envoyé par votre autorité de certification : PEM ou DER (.cer, .crt, .pem), PKCS#7 (.p7b) ou PKCS#12 (.pfx, .p12). Le certificat est associé à la clé privée de sa demande en attente, ou la clé contenue dans le fichier est utilisée.</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Fichier du certificat</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>File password</source>
        <translation>Mot de passe du fichier</translation>
    </message>
    <message>
        <source>only for PFX files and encrypted keys</source>
        <translation>seulement pour les fichiers PFX et les clés chiffrées</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <source>keep the request's</source>
        <translation>garder celui de la demande</translation>
    </message>
    <message>
        <source>F&amp;riendly name:</source>
        <translation>Nom &amp;convivial :</translation>
    </message>
    <message>
        <source>A key in the file may be &amp;exported again</source>
        <translation>Une clé contenue dans le fichier pourra être &amp;exportée de nouveau</translation>
    </message>
    <message>
        <source>Certificate check findings</source>
        <translation>Problèmes trouvés dans le certificat</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c *.pfx *.p12);;All files (*)</source>
        <translation>Certificats (*.cer *.crt *.pem *.der *.p7b *.p7c *.pfx *.p12);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>PFX Password</source>
        <translation>Mot de passe PFX</translation>
    </message>
    <message>
        <source>%1 protects its private key with a password. Password:</source>
        <translation>%1 protège sa clé privée par un mot de passe. Mot de passe :</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importé : %1</translation>
    </message>
    <message>
        <source>Imported "%1" (%2, %3). Private key: matched with %4. Expires on %5.</source>
        <translation>« %1 » importé (%2, %3). Clé privée : associée à %4. Expire le %5.</translation>
    </message>
    <message>
        <source>No problem found in the certificate.</source>
        <translation>Aucun problème trouvé dans le certificat.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::KeyCreationPage</name>
    <message>
        <source>Creating the key and the request</source>
        <translation>Création de la clé et de la demande</translation>
    </message>
    <message>
        <source>You can keep using Fedgate meanwhile.</source>
        <translation>Vous pouvez continuer à utiliser Fedgate pendant ce temps.</translation>
    </message>
    <message>
        <source>Key creation progress</source>
        <translation>Progression de la création de la clé</translation>
    </message>
    <message>
        <source>View &amp;CSR</source>
        <translation>Voir la &amp;CSR</translation>
    </message>
    <message>
        <source>View &amp;Log</source>
        <translation>Voir le &amp;journal</translation>
    </message>
    <message>
        <source>Generating the private key... %1 s</source>
        <translation>Génération de la clé privée... %1 s</translation>
    </message>
    <message>
        <source>Request for the %1 interface, key %2.</source>
        <translation>Demande pour l'interface %1, clé %2.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>The request could not be created: %1</source>
        <translation>La demande n'a pas pu être créée : %1</translation>
    </message>
    <message>
        <source>Key %1 generated and stored encrypted in the key store.</source>
        <translation>Clé %1 générée et stockée chiffrée dans le magasin de clés.</translation>
    </message>
    <message>
        <source>Request %1 created for %2.</source>
        <translation>Demande %1 créée pour %2.</translation>
    </message>
    <message>
        <source>Done in %1 s. The request is pending in the key store (id %2).</source>
        <translation>Terminé en %1 s. La demande est en attente dans le magasin de clés (id %2).</translation>
    </message>
    <message>
        <source>CSR written to %1.</source>
        <translation>CSR écrite dans %1.</translation>
    </message>
    <message>
        <source>The CSR was written to %1: send it to your certification authority, then import the answer from the Certificates page.</source>
        <translation>La CSR a été écrite dans %1 : envoyez-la à votre autorité de certification, puis importez la réponse depuis la page Certificats.</translation>
    </message>
    <message>
        <source>Signed by the internal certification authority and imported.</source>
        <translation>Signée par l'autorité de certification interne et importée.</translation>
    </message>
    <message>
        <source>The internal authority signed it and the certificate is imported; assign it from the Certificates page.</source>
        <translation>L'autorité interne l'a signée et le certificat est importé ; attribuez-le depuis la page Certificats.</translation>
    </message>
    <message>
        <source>Certificate Request</source>
        <translation>Demande de certificat</translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation>Journal de la demande</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ListenerPanel</name>
    <message>
        <source>federation with partners (5269)</source>
        <translation>fédération avec les partenaires (5269)</translation>
    </message>
    <message>
        <source>federation, direct TLS (5270)</source>
        <translation>fédération, TLS direct (5270)</translation>
    </message>
    <message>
        <source>internal link, gateway to edge (23456)</source>
        <translation>liaison interne, passerelle vers edge (23456)</translation>
    </message>
    <message>
        <source>your users' clients (5222)</source>
        <translation>clients de vos utilisateurs (5222)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Écoutes</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>PID/Program</source>
        <translation>PID/Programme</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Listeners on this machine</source>
        <translation>Écoutes sur cette machine</translation>
    </message>
    <message>
        <source>as the operating system reports them, refreshed every 2 s (last at %1)</source>
        <translation>telles que le système d'exploitation les indique, actualisées toutes les 2 s (dernière à %1)</translation>
    </message>
    <message>
        <source>(no socket of Fedgate's ports or processes)</source>
        <translation>(aucun socket des ports ou processus de Fedgate)</translation>
    </message>
    <message>
        <source>fedgated is not running.</source>
        <translation>fedgated ne tourne pas.</translation>
    </message>
    <message>
        <source>Run "Start services" above.</source>
        <translation>Exécutez « Démarrer les services » ci-dessus.</translation>
    </message>
    <message>
        <source>Cannot tell which listeners this machine should have: %1</source>
        <translation>Impossible de savoir quelles écoutes cette machine devrait avoir : %1</translation>
    </message>
    <message>
        <source>Every planned listener is open, and the internal link is established where it is planned.</source>
        <translation>Chaque écoute prévue est ouverte, et la liaison interne est établie là où elle est prévue.</translation>
    </message>
    <message>
        <source>Run the steps above up to "Set up components".</source>
        <translation>Exécutez les étapes ci-dessus jusqu'à « Installer les composants ».</translation>
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
        <source>Users</source>
        <translation>Utilisateurs</translation>
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
        <source>U&amp;sers and Passwords...</source>
        <translation>&amp;Utilisateurs et mots de passe...</translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation>Ctrl+7</translation>
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
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>&amp;Certificates...</source>
        <translation>&amp;Certificats...</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>&amp;DNS Records...</source>
        <translation>Enregistrements &amp;DNS...</translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <source>The draft was changed elsewhere</source>
        <translation>Le brouillon a été modifié ailleurs</translation>
    </message>
    <message>
        <source>Reload the draft</source>
        <translation>Recharger le brouillon</translation>
    </message>
    <message>
        <source>Keep my view</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>&amp;New Topology...</source>
        <translation>&amp;Nouvelle topologie...</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>D&amp;iscard Draft...</source>
        <translation>A&amp;bandonner le brouillon...</translation>
    </message>
    <message>
        <source>Discard Draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>Nothing is published yet, so there is no version to go back to. Publish the topology first.</source>
        <translation>Rien n'est encore publié : il n'y a pas de version à laquelle revenir. Publiez d'abord la topologie.</translation>
    </message>
    <message>
        <source>The draft has no unpublished change: it is version %1.</source>
        <translation>Le brouillon n'a aucune modification non publiée : c'est la version %1.</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n unpublished change(s) and go back to published version %1?</source>
        <translation><numerusform>Abandonner %n modification non publiée et revenir à la version publiée %1 ?</numerusform><numerusform>Abandonner %n modifications non publiées et revenir à la version publiée %1 ?</numerusform></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Draft discarded: the topology is the published version again.</source>
        <translation>Brouillon abandonné : la topologie est de nouveau la version publiée.</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NameListEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Ajouter à %1</translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation>Retirer de %1</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewEdgePoolWizard</name>
    <message>
        <source>Edge pool</source>
        <translation>Pool de périphérie</translation>
    </message>
    <message>
        <source>The pool's internal FQDN is its identity; partners connect to its external FQDN.</source>
        <translation>Le FQDN interne du pool est son identité ; les partenaires se connectent à son FQDN externe.</translation>
    </message>
    <message>
        <source>edge.contoso.local</source>
        <translation>edge.contoso.local</translation>
    </message>
    <message>
        <source>Internal pool FQDN:</source>
        <translation>FQDN interne du pool :</translation>
    </message>
    <message>
        <source>Single-computer pool (one edge server)</source>
        <translation>Pool à un seul ordinateur (un serveur de périphérie)</translation>
    </message>
    <message>
        <source>Multiple-computer pool (servers share the load)</source>
        <translation>Pool à plusieurs ordinateurs (les serveurs se partagent la charge)</translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation>xmpp.contoso.com</translation>
    </message>
    <message>
        <source>External FQDN:</source>
        <translation>FQDN externe :</translation>
    </message>
    <message>
        <source>Enable XMPP federation (port 5269)</source>
        <translation>Activer la fédération XMPP (port 5269)</translation>
    </message>
    <message>
        <source>Edge servers</source>
        <translation>Serveurs de périphérie</translation>
    </message>
    <message>
        <source>Each server's internal interface (towards the gateway) and external interface (towards partners). New servers take the pool's external FQDN.</source>
        <translation>L'interface interne (vers la passerelle) et l'interface externe (vers les partenaires) de chaque serveur. Les nouveaux serveurs prennent le FQDN externe du pool.</translation>
    </message>
    <message>
        <source>Internal FQDN</source>
        <translation>FQDN interne</translation>
    </message>
    <message>
        <source>Internal IPv4</source>
        <translation>IPv4 interne</translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation>FQDN externe</translation>
    </message>
    <message>
        <source>External IPv4</source>
        <translation>IPv4 externe</translation>
    </message>
    <message>
        <source>Public IPv4 (NAT)</source>
        <translation>IPv4 publique (NAT)</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>Ajouter un serveur</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>Retirer le serveur</translation>
    </message>
    <message>
        <source>The external interfaces are behind NAT (DNS then publishes the public address)</source>
        <translation>Les interfaces externes sont derrière un NAT (le DNS publie alors l'adresse publique)</translation>
    </message>
    <message>
        <source>Next hop and route</source>
        <translation>Tronçon suivant et itinéraire</translation>
    </message>
    <message>
        <source>Where the pool sends traffic inside, and whether this site's XMPP federation goes through it.</source>
        <translation>Où le pool envoie le trafic à l'intérieur, et si la fédération XMPP de ce site passe par lui.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation>%1 (site %2)</translation>
    </message>
    <message>
        <source>Next hop pool:</source>
        <translation>Pool du tronçon suivant :</translation>
    </message>
    <message>
        <source>Route the XMPP federation of site %1 through this pool</source>
        <translation>Acheminer la fédération XMPP du site %1 par ce pool</translation>
    </message>
    <message>
        <source>New Edge Pool in Site %1</source>
        <translation>Nouveau pool de périphérie dans le site %1</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewTopologyWizard</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Your organisation's name and the domains its users' addresses are in.</source>
        <translation>Le nom de votre organisation et les domaines des adresses de ses utilisateurs.</translation>
    </message>
    <message>
        <source>Contoso</source>
        <translation>Contoso</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>Nom de l'organisation :</translation>
    </message>
    <message>
        <source>contoso.com</source>
        <translation>contoso.com</translation>
    </message>
    <message>
        <source>Default SIP domain:</source>
        <translation>Domaine SIP par défaut :</translation>
    </message>
    <message>
        <source>XMPP domains</source>
        <translation>Domaines XMPP</translation>
    </message>
    <message>
        <source>XMPP domains:</source>
        <translation>Domaines XMPP :</translation>
    </message>
    <message>
        <source>The domains of your users' XMPP addresses, one per row. Left empty, the SIP domain is used.</source>
        <translation>Les domaines des adresses XMPP de vos utilisateurs, un par ligne. Laissé vide, le domaine SIP est utilisé.</translation>
    </message>
    <message>
        <source>First site</source>
        <translation>Premier site</translation>
    </message>
    <message>
        <source>A site is a place with its own servers, such as a city or a data centre. You add edge pools to it afterwards.</source>
        <translation>Un site est un lieu qui a ses propres serveurs, comme une ville ou un centre de données. Vous y ajoutez ensuite des pools de périphérie.</translation>
    </message>
    <message>
        <source>Paris</source>
        <translation>Paris</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Nom du site :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Front-end pool FQDN:</source>
        <translation>FQDN du pool frontal :</translation>
    </message>
    <message>
        <source>The gateway's pool in this site, if it has one (a single-computer pool: its member is the pool FQDN itself).</source>
        <translation>Le pool de la passerelle dans ce site, s'il en a un (pool à un seul ordinateur : son membre est le FQDN du pool lui-même).</translation>
    </message>
    <message>
        <source>New Topology</source>
        <translation>Nouvelle topologie</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ObjectForm</name>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
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
    <message>
        <source>Gateway settings</source>
        <translation>Paramètres de la passerelle</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds suffix</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation>Limite de connexions</translation>
    </message>
    <message>
        <source>Maximum XMPP server-to-server connections of the whole gateway.</source>
        <translation>Nombre maximal de connexions XMPP de serveur à serveur pour toute la passerelle.</translation>
    </message>
    <message>
        <source>Connections per partner</source>
        <translation>Connexions par partenaire</translation>
    </message>
    <message>
        <source>Maximum connections to one partner, unless the partner sets its own.</source>
        <translation>Nombre maximal de connexions vers un même partenaire, sauf si le partenaire fixe sa propre limite.</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Intervalle de maintien de connexion</translation>
    </message>
    <message>
        <source>Time between keep-alives on idle streams.</source>
        <translation>Délai entre deux messages de maintien sur les flux inactifs.</translation>
    </message>
    <message>
        <source>Stream establishment timeout</source>
        <translation>Délai d'établissement des flux</translation>
    </message>
    <message>
        <source>Time a new stream may take to be established before it is dropped.</source>
        <translation>Durée accordée à un nouveau flux pour s'établir avant d'être abandonné.</translation>
    </message>
    <message>
        <source>Stream inactivity timeout</source>
        <translation>Délai d'inactivité des flux</translation>
    </message>
    <message>
        <source>Time without traffic after which a stream is closed.</source>
        <translation>Durée sans trafic après laquelle un flux est fermé.</translation>
    </message>
    <message>
        <source>Subscription refresh interval</source>
        <translation>Actualisation des abonnements</translation>
    </message>
    <message>
        <source>Time between refreshes of presence subscriptions with partners.</source>
        <translation>Délai entre deux actualisations des abonnements de présence avec les partenaires.</translation>
    </message>
    <message>
        <source>Log the bodies of all messages</source>
        <translation>Journaliser le corps de tous les messages</translation>
    </message>
    <message>
        <source>Message bodies are your users' conversations: enable this only while diagnosing a problem.</source>
        <translation>Le corps des messages, ce sont les conversations de vos utilisateurs : n'activez cette option que le temps de diagnostiquer un problème.</translation>
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
        <source>&amp;Verify its certificate by DANE when its zone is signed</source>
        <translation>&amp;Vérifier son certificat par DANE quand sa zone est signée</translation>
    </message>
    <message>
        <source>Checks the partner's certificate against the TLSA records of its SRV target, validated by DNSSEC (RFC 6698, RFC 7673).</source>
        <translation>Vérifie le certificat du partenaire d'après les enregistrements TLSA de sa cible SRV, validés par DNSSEC (RFC 6698, RFC 7673).</translation>
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
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
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
    <message numerus="yes">
        <source>Publishing makes version %1 with %n change(s) against published version %2:</source>
        <translation><numerusform>La publication crée la version %1, avec %n modification par rapport à la version publiée %2 :</numerusform><numerusform>La publication crée la version %1, avec %n modifications par rapport à la version publiée %2 :</numerusform></translation>
    </message>
    <message>
        <source>No warning: the topology passes every check.</source>
        <translation>Aucun avertissement : la topologie passe toutes les vérifications.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) remain. You can publish, but read them first:</source>
        <translation><numerusform>%n avertissement subsiste. Vous pouvez publier, mais lisez-le d'abord :</numerusform><numerusform>%n avertissements subsistent. Vous pouvez publier, mais lisez-les d'abord :</numerusform></translation>
    </message>
    <message>
        <source>Outstanding warnings</source>
        <translation>Avertissements en suspens</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestFilePage</name>
    <message>
        <source>Certificate request file</source>
        <translation>Fichier de demande de certificat</translation>
    </message>
    <message>
        <source>The CSR is written here, to send to your certification authority. It holds no secret; the private key stays in Fedgate's key store.</source>
        <translation>La CSR est écrite ici, pour être envoyée à votre autorité de certification. Elle ne contient aucun secret ; la clé privée reste dans le magasin de clés de Fedgate.</translation>
    </message>
    <message>
        <source>Request file</source>
        <translation>Fichier de demande</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>Certificate Request File</source>
        <translation>Fichier de demande de certificat</translation>
    </message>
    <message>
        <source>Requests (*.csr *.req)</source>
        <translation>Demandes (*.csr *.req)</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestGeographyPage</name>
    <message>
        <source>Geographical information</source>
        <translation>Informations géographiques</translation>
    </message>
    <message>
        <source>Where your organisation is registered. Type to search the country list.</source>
        <translation>Où votre organisation est enregistrée. Tapez pour chercher dans la liste des pays.</translation>
    </message>
    <message>
        <source>Country or region</source>
        <translation>Pays ou région</translation>
    </message>
    <message>
        <source>(choose a country)</source>
        <translation>(choisissez un pays)</translation>
    </message>
    <message>
        <source>&amp;Country or region:</source>
        <translation>&amp;Pays ou région :</translation>
    </message>
    <message>
        <source>State or province</source>
        <translation>État ou province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>&amp;State or province:</source>
        <translation>É&amp;tat ou province :</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>V&amp;ille :</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestKeyPage</name>
    <message>
        <source>Name and security</source>
        <translation>Nom et sécurité</translation>
    </message>
    <message>
        <source>The friendly name tells certificates apart in lists. A longer key is stronger but slower to create: RSA 4096 can take several seconds.</source>
        <translation>Le nom convivial distingue les certificats dans les listes. Une clé plus longue est plus robuste mais plus lente à créer : RSA 4096 peut prendre plusieurs secondes.</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <source>&amp;Friendly name:</source>
        <translation>Nom &amp;convivial :</translation>
    </message>
    <message>
        <source>Key type and size</source>
        <translation>Type et taille de la clé</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>Mark the private key as &amp;exportable</source>
        <translation>Marquer la clé privée comme &amp;exportable</translation>
    </message>
    <message>
        <source>Exportable keys can be copied, with the certificate, to the other servers of the edge pool as a PFX file.</source>
        <translation>Les clés exportables peuvent être copiées, avec le certificat, vers les autres serveurs du pool de périphérie sous forme de fichier PFX.</translation>
    </message>
    <message>
        <source>XMPP edge external</source>
        <translation>Périphérie XMPP externe</translation>
    </message>
    <message>
        <source>XMPP edge internal</source>
        <translation>Périphérie XMPP interne</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestModePage</name>
    <message>
        <source>Delayed or immediate request</source>
        <translation>Demande différée ou immédiate</translation>
    </message>
    <message>
        <source>Choose who signs the certificate.</source>
        <translation>Choisissez qui signe le certificat.</translation>
    </message>
    <message>
        <source>&amp;Prepare the request now, send it to a certification authority later</source>
        <translation>&amp;Préparer la demande maintenant, l'envoyer plus tard à une autorité de certification</translation>
    </message>
    <message>
        <source>Have the deployment's &amp;internal certification authority sign it now</source>
        <translation>La faire signer maintenant par l'autorité de certification &amp;interne du déploiement</translation>
    </message>
    <message>
        <source>A delayed request writes a CSR file; import the answer later from the Certificates page. Partners usually do not trust the internal authority, so use it for the internal edge or for tests.</source>
        <translation>Une demande différée écrit un fichier CSR ; importez la réponse plus tard depuis la page Certificats. Les partenaires ne font généralement pas confiance à l'autorité interne : réservez-la à la périphérie interne ou aux essais.</translation>
    </message>
    <message>
        <source>This deployment has no internal certification authority yet. Creating one makes a private authority on this machine that signs certificates for the internal edge, the gateway and tests; partners on the Internet do not trust it.</source>
        <translation>Ce déploiement n'a pas encore d'autorité de certification interne. En créer une installe sur cette machine une autorité privée qui signe les certificats de la périphérie interne, de la passerelle et des tests ; les partenaires sur Internet ne lui font pas confiance.</translation>
    </message>
    <message>
        <source>Create the internal certification &amp;authority</source>
        <translation>Créer l'&amp;autorité de certification interne</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestNamesPage</name>
    <message>
        <source>Subject name and alternative names</source>
        <translation>Nom du sujet et autres noms</translation>
    </message>
    <message>
        <source>Filled in from the published topology. Tick the SIP domains whose sip.&lt;domain&gt; name the certificate must carry and add any other name.</source>
        <translation>Rempli d'après la topologie publiée. Cochez les domaines SIP dont le nom sip.&lt;domaine&gt; doit figurer sur le certificat et ajoutez tout autre nom.</translation>
    </message>
    <message>
        <source>SIP domains</source>
        <translation>Domaines SIP</translation>
    </message>
    <message>
        <source>Additional names</source>
        <translation>Noms supplémentaires</translation>
    </message>
    <message>
        <source>New alternative name</source>
        <translation>Nouveau nom alternatif</translation>
    </message>
    <message>
        <source>webconf.contoso.com</source>
        <translation>webconf.contoso.com</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Add XMPP service names (SRV-ID, _xmpp-server.&lt;domain&gt;)</source>
        <translation>Ajouter les noms de service XMPP (SRV-ID, _xmpp-server.&lt;domaine&gt;)</translation>
    </message>
    <message>
        <source>Add XMPP addresses (xmppAddr)</source>
        <translation>Ajouter les adresses XMPP (xmppAddr)</translation>
    </message>
    <message>
        <source>Names the request will carry</source>
        <translation>Noms que portera la demande</translation>
    </message>
    <message>
        <source>%1 cannot be added: %2</source>
        <translation>%1 ne peut pas être ajouté : %2</translation>
    </message>
    <message>
        <source>Subject: CN=%1</source>
        <translation>Sujet : CN=%1</translation>
    </message>
    <message>
        <source>Alternative names:</source>
        <translation>Autres noms :</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestOrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Public certification authorities check these against your registration; use your organisation's legal name.</source>
        <translation>Les autorités de certification publiques les comparent à votre immatriculation ; utilisez la raison sociale de votre organisation.</translation>
    </message>
    <message>
        <source>Organisational unit</source>
        <translation>Unité d'organisation</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation :</translation>
    </message>
    <message>
        <source>Organisational &amp;unit:</source>
        <translation>&amp;Unité d'organisation :</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestSummaryPage</name>
    <message>
        <source>Request summary</source>
        <translation>Résumé de la demande</translation>
    </message>
    <message>
        <source>Check the request. Create generates the private key and the request; it cannot be undone from here, but a pending request can be deleted later.</source>
        <translation>Vérifiez la demande. « Créer » génère la clé privée et la demande ; ce n'est pas annulable ici, mais une demande en attente peut être supprimée plus tard.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Certificate for</source>
        <translation>Certificat pour</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>delayed, CSR written to %1</source>
        <translation>différée, CSR écrite dans %1</translation>
    </message>
    <message>
        <source>immediate, signed by the internal authority</source>
        <translation>immédiate, signée par l'autorité interne</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation>Nom convivial</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation>Exportable</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organisational unit</source>
        <translation>Unité d'organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>State or province</source>
        <translation>État ou province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Alternative names</source>
        <translation>Autres noms</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTemplatePage</name>
    <message>
        <source>Certificate template</source>
        <translation>Modèle de certificat</translation>
    </message>
    <message>
        <source>Only Active Directory certification authorities use templates; others ignore this setting.</source>
        <translation>Seules les autorités de certification Active Directory utilisent des modèles ; les autres ignorent ce réglage.</translation>
    </message>
    <message>
        <source>&amp;Use an alternate certificate template</source>
        <translation>&amp;Utiliser un autre modèle de certificat</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nom du modèle</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle :</translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTypePage</name>
    <message>
        <source>Certificate type</source>
        <translation>Type de certificat</translation>
    </message>
    <message>
        <source>Each edge interface needs its own certificate.</source>
        <translation>Chaque interface de la périphérie a besoin de son propre certificat.</translation>
    </message>
    <message>
        <source>&amp;External edge certificate (public interface)</source>
        <translation>Certificat de la périphérie &amp;externe (interface publique)</translation>
    </message>
    <message>
        <source>Partners check this certificate on port 5269. Have it issued by a public certification authority.</source>
        <translation>Les partenaires vérifient ce certificat sur le port 5269. Faites-le émettre par une autorité de certification publique.</translation>
    </message>
    <message>
        <source>&amp;Internal edge certificate</source>
        <translation>Certificat de la périphérie &amp;interne</translation>
    </message>
    <message>
        <source>The gateway checks this certificate on port 23456. An internal certification authority is fine.</source>
        <translation>La passerelle vérifie ce certificat sur le port 23456. Une autorité de certification interne convient.</translation>
    </message>
    <message>
        <source>&amp;Gateway certificate (front-end pool)</source>
        <translation>Certificat de la &amp;passerelle (pool frontal)</translation>
    </message>
    <message>
        <source>The gateway presents this certificate to the edge on port 23456 and to your users' XMPP clients on port 5222. An internal certification authority is fine.</source>
        <translation>La passerelle présente ce certificat à la périphérie sur le port 23456 et aux clients XMPP de vos utilisateurs sur le port 5222. Une autorité de certification interne convient.</translation>
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
    <name>fedgate::wizard::StepWork</name>
    <message>
        <source>Nothing to do for this machine.</source>
        <translation>Rien à faire pour cette machine.</translation>
    </message>
    <message>
        <source>Already up to date: nothing changed.</source>
        <translation>Déjà à jour : rien n'a changé.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) applied</source>
        <translation><numerusform>%n action appliquée</numerusform><numerusform>%n actions appliquées</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date.</source>
        <translation><numerusform>%n déjà à jour.</numerusform><numerusform>%n déjà à jour.</numerusform></translation>
    </message>
    <message>
        <source>Restarting fedgated.</source>
        <translation>Redémarrage de fedgated.</translation>
    </message>
    <message>
        <source>fedgated started (process %1).</source>
        <translation>fedgated démarré (processus %1).</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n record(s).</source>
        <translation><numerusform>Interrogation de %1 pour %n enregistrement.</numerusform><numerusform>Interrogation de %1 pour %n enregistrements.</numerusform></translation>
    </message>
    <message>
        <source>Every record is as planned.</source>
        <translation>Chaque enregistrement est conforme au plan.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): see the DNS page.</source>
        <translation><numerusform>%n constat : voir la page DNS.</numerusform><numerusform>%n constats : voir la page DNS.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n check(s) passed.</source>
        <translation><numerusform>Vérifications réussies : %1 sur %n.</numerusform><numerusform>Vérifications réussies : %1 sur %n.</numerusform></translation>
    </message>
    <message>
        <source>Open the log for the fixes.</source>
        <translation>Ouvrez le journal pour les corrections.</translation>
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
    <message>
        <source>%1 and %2. Errors must be fixed before publishing; click a line to select the object.</source>
        <translation>%1 et %2. Corrigez les erreurs avant de publier ; cliquez sur une ligne pour sélectionner l'objet.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n erreur</numerusform><numerusform>%n erreurs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n avertissement</numerusform><numerusform>%n avertissements</numerusform></translation>
    </message>
    <message>
        <source>New E&amp;dge Pool...</source>
        <translation>Nouveau pool de &amp;périphérie...</translation>
    </message>
    <message>
        <source>Fix the errors under Validation before publishing.</source>
        <translation>Corrigez les erreurs indiquées sous Validation avant de publier.</translation>
    </message>
    <message>
        <source>New edge pool %1 in site %2</source>
        <translation>Nouveau pool de périphérie %1 dans le site %2</translation>
    </message>
    <message>
        <source>New topology for %1</source>
        <translation>Nouvelle topologie pour %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>Removing %1 also changes the following:</source>
        <translation>Supprimer %1 modifie aussi ce qui suit :</translation>
    </message>
    <message>
        <source>You can bring everything back with Edit &gt; Undo.</source>
        <translation>Vous pouvez tout rétablir avec Édition &gt; Annuler.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
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
    <name>fedgate::wizard::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>The users of the topology are the gateway's accounts. Each one chats with partners only if the external access policy that applies to it allows XMPP federation. A user logs in once it has a password in the gateway's account store on this machine; only salted SCRAM hashes are stored, never the password.</source>
        <translation>Les utilisateurs de la topologie sont les comptes de la passerelle. Chacun ne converse avec les partenaires que si la stratégie d'accès externe qui s'applique à lui autorise la fédération XMPP. Un utilisateur peut se connecter dès qu'il a un mot de passe dans le magasin de comptes de la passerelle sur cette machine ; seuls des hachages SCRAM salés sont conservés, jamais le mot de passe.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Home site</source>
        <translation>Site de rattachement</translation>
    </message>
    <message>
        <source>Granted policy</source>
        <translation>Stratégie attribuée</translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation>Stratégie effective</translation>
    </message>
    <message>
        <source>XMPP federation</source>
        <translation>Fédération XMPP</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>&amp;Répétez-le :</translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
    <message>
        <source>Remo&amp;ve Password</source>
        <translation>&amp;Supprimer le mot de passe</translation>
    </message>
    <message>
        <source>Gateway account store: %1</source>
        <translation>Magasin de comptes de la passerelle : %1</translation>
    </message>
    <message>
        <source>Gateway account store: %1 (%2; setting a password creates it)</source>
        <translation>Magasin de comptes de la passerelle : %1 (%2 ; définir un mot de passe le crée)</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisée</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisée</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Défini</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>The topology has no users yet. Add them on the External access page (Add User).</source>
        <translation>La topologie n'a pas encore d'utilisateurs. Ajoutez-les sur la page Accès externe (Ajouter l'utilisateur).</translation>
    </message>
    <message>
        <source>Select a user to set its password.</source>
        <translation>Sélectionnez un utilisateur pour définir son mot de passe.</translation>
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
        <source>The password is empty: type a password for %1 in both fields.</source>
        <translation>Le mot de passe est vide : tapez un mot de passe pour %1 dans les deux champs.</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed. Type the same password in both fields.</source>
        <translation>Les deux mots de passe diffèrent ; rien n'a été modifié. Tapez le même mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>The password is longer than %1 bytes; choose a shorter one.</source>
        <translation>Le mot de passe dépasse %1 octets ; choisissez-en un plus court.</translation>
    </message>
    <message>
        <source>Writing to the gateway account store...</source>
        <translation>Écriture dans le magasin de comptes de la passerelle...</translation>
    </message>
    <message>
        <source>The password of %1 was not changed: %2</source>
        <translation>Le mot de passe de %1 n'a pas été modifié : %2</translation>
    </message>
    <message>
        <source>Removed the password of %1 from %2; %1 can no longer log in.</source>
        <translation>Mot de passe de %1 supprimé de %2 ; %1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 had no password in %2; nothing to remove.</source>
        <translation>%1 n'avait pas de mot de passe dans %2 ; rien à supprimer.</translation>
    </message>
    <message>
        <source>Set the password of %1 in %2. It applies at the next login.</source>
        <translation>Mot de passe de %1 défini dans %2. Il s'applique à la prochaine connexion.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2. XMPP federation: &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2. Fédération XMPP : &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Mot de passe de %1</translation>
    </message>
    <message>
        <source>At least one character, at most %1 bytes. Type it twice; it is never shown.</source>
        <translation>Au moins un caractère, au plus %1 octets. Tapez-le deux fois ; il n'est jamais affiché.</translation>
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
    <message>
        <source>First version</source>
        <translation>Première version</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Aucune modification</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (et %n autre modification)</numerusform><numerusform>%1 (et %n autres modifications)</numerusform></translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation>Revenir à la version %1</translation>
    </message>
    <message>
        <source>Publish the content of version %1 again as version %2? Edge servers pick it up the next time their local store is installed; unpublished edits in the draft are dropped.</source>
        <translation>Publier de nouveau le contenu de la version %1 comme version %2 ? Les serveurs de périphérie la prennent à la prochaine installation de leur magasin local ; les modifications non publiées du brouillon sont abandonnées.</translation>
    </message>
    <message>
        <source>It is the same as the latest version: nothing changes.</source>
        <translation>Elle est identique à la dernière version : rien ne change.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) against the latest version, for example: %1</source>
        <translation><numerusform>%n modification par rapport à la dernière version : %1</numerusform><numerusform>%n modifications par rapport à la dernière version, par exemple : %1</numerusform></translation>
    </message>
    <message>
        <source>Roll Back and Publish</source>
        <translation>Revenir et publier</translation>
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
    <message numerus="yes">
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (et %n autre modification)</numerusform><numerusform>%1 (et %n autres modifications)</numerusform></translation>
    </message>
</context>
</TS>