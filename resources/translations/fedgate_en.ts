<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fedgate::wizard::CertificateRequestWizard</name>
    <message>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::CertificatesPage</name>
    <message>
        <source>Publish the topology first: certificate names come from the published topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a certificate for each edge interface, import what your certification authority sends back, then assign it. The external certificate must name what partners connect to; the list warns before a certificate expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates in the key store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to &amp;External Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to I&amp;nternal Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;CSR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;, expires on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no certificate assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a certificate in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to the %1 interface. Restart the edge services to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pending request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to &amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete Request...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the pending request %1 and its private key? A certificate issued for it can then no longer be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names (SAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: any purpose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete: an intermediate or the root is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an assigned certificate can be exported with its key. Assign it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS #12 files (*.pfx *.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password protecting the file (you type it again when importing it on the other pool member):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported with its key and chain to %1 (PKCS #12). Import it on the other members of the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Assignment...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rene&amp;w...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is not assigned to any interface; there is no assignment to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the certificate from the %1 interface? The interface then has no certificate until another is assigned. The certificate stays in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 interface has no certificate now. Restart the edge services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew %1 with the same names and a new key? The internal CA signs it at once; assign the new certificate to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a request for %1 with the same names and a new key? Send its CSR to your CA, then import the answer and assign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current certificate stays assigned until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed: the new certificate is in the list. Assign it to replace the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal request made: select it under Pending requests, View CSR and send it to your CA, then import the answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::DnsPage</name>
    <message>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target is an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners find your edge through these records. Publish the external ones in your Internet zone, then check them here: against the system resolver, or against a name server you name (for example your zone's primary, before it propagates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem resolver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.0.2.53</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also check &amp;internal records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings and fixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Zone Snippet...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export C&amp;SV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py Zone Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records planned from published version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is published yet: records planned from the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check cancelled. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone snippet copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Zone Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone files (*.zone *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone snippet written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 record(s) correct on %2 (%3 ms).</source>
        <translation><numerusform>%n of %1 records correct on %2 (%3 ms).</numerusform><numerusform>%n of %1 records correct on %2 (%3 ms).</numerusform></translation>
    </message>
    <message>
        <source>not checked: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked: refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked: server failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNSSEC of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNSSEC of %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::EdgePoolForm</name>
    <message>
        <source>Internal pool FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool's identity: the FQDN of its internal interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name partners connect to; the XMPP SRV records point to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable XMPP federation (port 5269)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the XMPP proxy on this pool. A site routes its XMPP traffic only through a pool that has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal link port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also accept direct TLS (XEP-0368)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct TLS port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::EdgeServerForm</name>
    <message>
        <source>Internal FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge1.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public IPv4 behind NAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in when the external interface sits behind NAT: DNS then publishes this address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::FrontEndPoolForm</name>
    <message>
        <source>Pool FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FQDN of each server in the pool, one per row. A single-computer pool lists the pool FQDN itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One server FQDN per row; double-click a row to change it. A single-computer pool lists the pool FQDN itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::HomePage</name>
    <message>
        <source>Deployment steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 published on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft has unpublished changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the topology first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the steps from top to bottom. Each step shows what was checked on this machine; Run Again repeats a step safely, for example after you republish the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory: %1 (%2). The wizard, fedgatectl and the service all use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From its place in the topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge and gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An edge server runs the edge and a front-end pool member the gateway; one machine can run both (the gateway then serves the edge pool's next-hop front-end pool).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (for example --client-listen 10.10.2.20:5222)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra command-line options the service configuration gives fedgated, such as listen addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal CA...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request every missing certificate from Fedgate's internal certification authority and assign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe sites, pools and the XMPP federation route, then publish them to the central store. Run opens the Publish dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the deployment plan...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is planned for this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start fedgated, then check in the operating system's socket table that it listens on the planned ports (5269 federation, 23456 internal link) and that the internal link is established. Run Again restarts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the service and its sockets...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running as process %1 for %n minute(s).</source>
        <translation><numerusform>Running as process %1 for %n minute.</numerusform><numerusform>Running as process %1 for %n minutes.</numerusform></translation>
    </message>
    <message>
        <source>Every planned listener is open, and the internal link is established where it is planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>But: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the SRV and address records partners use to find this edge. The last result is kept when Fedgate restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 record(s) correct, checked %2 against %3.</source>
        <translation><numerusform>%n of %1 records correct, checked %2 against %3.</numerusform><numerusform>%n of %1 records correct, checked %2 against %3.</numerusform></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the whole troubleshooting checklist: service, local replica, route, listeners, internal link, certificates, DNS and partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified since Fedgate started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the local replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the latest published topology into this machine's local store; the services read only this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each interface this machine serves needs an assigned certificate with the topology's names. Run opens the Certificates page: choosing the certification authority (public, your own, or Fedgate's internal one) is your decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the service configuration for the roles this machine runs (edge, gateway): listeners, certificates and the local replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another step is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates from the internal CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request every missing certificate of this machine from Fedgate's internal certification authority (created if there is none yet) and assign it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only servers that trust this authority accept these certificates: fine for the internal link and the gateway; partners usually expect a public certification authority on the external interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request and Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing logged yet for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 published on %2 by %3: %4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1 against %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment plan cannot be made yet: see "%1".</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation><numerusform>(and %n more)</numerusform><numerusform>(and %n more)</numerusform></translation>
    </message>
    <message>
        <source>Topology version %1 is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) assigned, each covering the topology's names.</source>
        <translation><numerusform>%n certificate assigned, covering the topology's names.</numerusform><numerusform>%n certificates assigned, each covering the topology's names.</numerusform></translation>
    </message>
    <message>
        <source>The service configuration is written (roles: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running as process %1 for %n second(s).</source>
        <translation><numerusform>Running as process %1 for %n second.</numerusform><numerusform>Running as process %1 for %n seconds.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) missing or not covering the topology's names.</source>
        <translation><numerusform>%n certificate missing or not covering the topology's names.</numerusform><numerusform>%n certificates missing or not covering the topology's names.</numerusform></translation>
    </message>
    <message>
        <source>Run to choose them, or Internal CA... to issue them at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated is managed by systemd (unit fedgated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated runs under Fedgate's built-in supervisor (pid file and log in the data directory).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ImportCertificateDialog</name>
    <message>
        <source>Import Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file your certification authority sent: PEM or DER (.cer, .crt, .pem), PKCS#7 (.p7b) or PKCS#12 (.pfx, .p12). The certificate is matched to the private key of its pending request, or the key in the file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for PFX files and encrypted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the request's</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;riendly name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key in the file may be &amp;exported again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate check findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c *.pfx *.p12);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PFX Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 protects its private key with a password. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported "%1" (%2, %3). Private key: matched with %4. Expires on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problem found in the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::KeyCreationPage</name>
    <message>
        <source>Creating the key and the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep using Fedgate meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key creation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;CSR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the private key... %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request for the %1 interface, key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 generated and stored encrypted in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1 created for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1 s. The request is pending in the key store (id %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSR written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSR was written to %1: send it to your certification authority, then import the answer from the Certificates page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the internal certification authority and imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The internal authority signed it and the certificate is imported; assign it from the Certificates page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ListenerPanel</name>
    <message>
        <source>federation with partners (5269)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>federation, direct TLS (5270)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal link, gateway to edge (23456)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your users' clients (5222)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID/Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listeners on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the operating system reports them, refreshed every 2 s (last at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no socket of Fedgate's ports or processes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run "Start services" above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell which listeners this machine should have: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every planned listener is open, and the internal link is established where it is planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the steps above up to "Set up components".</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::MainWindow</name>
    <message>
        <source>Fedgate - XMPP federation deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Topology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Topology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deployment Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Topology...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP &amp;Partners...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External &amp;Access Policies...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;sers and Passwords...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Fedgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 translation is missing; staying in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Topology File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology documents (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 as the draft topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Topology File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft topology written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Fedgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fedgate&lt;/b&gt;&lt;br&gt;Deploys XMPP federation through an edge server: topology, partners, policies, certificates and DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificates...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;DNS Records...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft was changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Topology...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;iscard Draft...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is published yet, so there is no version to go back to. Publish the topology first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft has no unpublished change: it is version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discard %n unpublished change(s) and go back to published version %1?</source>
        <translation><numerusform>Discard %n unpublished change and go back to published version %1?</numerusform><numerusform>Discard %n unpublished changes and go back to published version %1?</numerusform></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft discarded: the topology is the published version again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NameListEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewEdgePoolWizard</name>
    <message>
        <source>Edge pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pool's internal FQDN is its identity; partners connect to its external FQDN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal pool FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-computer pool (one edge server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple-computer pool (servers share the load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable XMPP federation (port 5269)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each server's internal interface (towards the gateway) and external interface (towards partners). New servers take the pool's external FQDN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public IPv4 (NAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The external interfaces are behind NAT (DNS then publishes the public address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop and route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the pool sends traffic inside, and whether this site's XMPP federation goes through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hop pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route the XMPP federation of site %1 through this pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Edge Pool in Site %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewTopologyWizard</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation's name and the domains its users' addresses are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default SIP domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domains of your users' XMPP addresses, one per row. Left empty, the SIP domain is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site is a place with its own servers, such as a city or a data centre. You add edge pools to it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front-end pool FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway's pool in this site, if it has one (a single-computer pool: its member is the pool FQDN itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Topology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ObjectForm</name>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::OrganisationForm</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoso Ltd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default SIP domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain of your users' addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional SIP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fabrikam.com, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other domains your users have addresses in, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains whose users federate over XMPP; the edge answers for them and DNS must publish an SRV record for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum XMPP server-to-server connections of the whole gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum connections to one partner, unless the partner sets its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between keep-alives on idle streams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream establishment timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time a new stream may take to be established before it is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream inactivity timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time without traffic after which a stream is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between refreshes of presence subscriptions with partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log the bodies of all messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message bodies are your users' conversations: enable this only while diagnosing a problem.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PageHeader</name>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnerDialog</name>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New XMPP Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit XMPP Partner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary &amp;domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fabrikam.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Additional domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other domains of the same partner, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;LS negotiation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SASL negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SASL negotiation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow server &amp;dialback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this combination negotiates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;keep-alive pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify its certificate by DANE when its zone is signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the partner's certificate against the TLSA records of its SRV target, validated by DNSSEC (RFC 6698, RFC 7673).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: connect through this host instead of DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proxy FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the partner's primary domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary domain is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The additional domain %1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy FQDN is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is one of your own domains; a partner must be another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already belongs to partner %2. Edit that partner instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted: partner contacts may add your users, see their presence and status notes, and send them messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner contacts may add your users, see presence and send messages without authorisation, but never see status notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner contacts can communicate only with users who added them first. Recommended for public providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This combination is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnersPage</name>
    <message>
        <source>Federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XMPP domains your users may exchange messages and presence with. The partner type decides what partner contacts may do without your users' consent; TLS, SASL and dialback decide how the servers authenticate each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SASL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner %1 saved in the draft topology. Publish the topology to apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner %1 removed from the draft topology.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PoliciesPage</name>
    <message>
        <source>Global (everyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User policy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External access policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide who may communicate outside the organisation. A user policy granted to a user wins over the policy of the user's site, which wins over the global policy. A user federates over XMPP only if the policy that applies allows XMPP federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site for a new site policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Site Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of a new user policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add User Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected policy allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted user policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of a new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home site of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective policy of the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy granted to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every site already has a policy (or there is no site yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name for the user policy first, without ':'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user policy %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the user's address as name@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to see which policy applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 applies (%3). Allows: %4. XMPP federation: &lt;b&gt;%5&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing outside the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federation with other organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public IM providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio and video with public providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access from outside the network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PublishDialog</name>
    <message>
        <source>Publish Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is published yet. Publishing stores this topology as version 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change: publishing stores the same topology again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this change, for the versions list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Publishing makes version %1 with %n change(s) against published version %2:</source>
        <translation><numerusform>Publishing makes version %1 with %n change against published version %2:</numerusform><numerusform>Publishing makes version %1 with %n changes against published version %2:</numerusform></translation>
    </message>
    <message>
        <source>No warning: the topology passes every check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) remain. You can publish, but read them first:</source>
        <translation><numerusform>%n warning remains. You can publish, but read it first:</numerusform><numerusform>%n warnings remain. You can publish, but read them first:</numerusform></translation>
    </message>
    <message>
        <source>Outstanding warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestFilePage</name>
    <message>
        <source>Certificate request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSR is written here, to send to your certification authority. It holds no secret; the private key stays in Fedgate's key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate Request File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (*.csr *.req)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestGeographyPage</name>
    <message>
        <source>Geographical information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your organisation is registered. Type to search the country list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a country)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Country or region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State or province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;State or province:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestKeyPage</name>
    <message>
        <source>Name and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The friendly name tells certificates apart in lists. A longer key is stronger but slower to create: RSA 4096 can take several seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Friendly name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type and size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the private key as &amp;exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportable keys can be copied, with the certificate, to the other servers of the edge pool as a PFX file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP edge external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP edge internal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestModePage</name>
    <message>
        <source>Delayed or immediate request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who signs the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prepare the request now, send it to a certification authority later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have the deployment's &amp;internal certification authority sign it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A delayed request writes a CSR file; import the answer later from the Certificates page. Partners usually do not trust the internal authority, so use it for the internal edge or for tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deployment has no internal certification authority yet. Creating one makes a private authority on this machine that signs certificates for the internal edge, the gateway and tests; partners on the Internet do not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the internal certification &amp;authority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestNamesPage</name>
    <message>
        <source>Subject name and alternative names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in from the published topology. Tick the SIP domains whose sip.&lt;domain&gt; name the certificate must carry and add any other name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New alternative name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webconf.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add XMPP service names (SRV-ID, _xmpp-server.&lt;domain&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add XMPP addresses (xmppAddr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names the request will carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: CN=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative names:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestOrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public certification authorities check these against your registration; use your organisation's legal name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisational unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisational &amp;unit:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestSummaryPage</name>
    <message>
        <source>Request summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the request. Create generates the private key and the request; it cannot be undone from here, but a pending request can be deleted later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delayed, CSR written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immediate, signed by the internal authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisational unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State or province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative names</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTemplatePage</name>
    <message>
        <source>Certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Active Directory certification authorities use templates; others ignore this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use an alternate certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTypePage</name>
    <message>
        <source>Certificate type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each edge interface needs its own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;External edge certificate (public interface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners check this certificate on port 5269. Have it issued by a public certification authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Internal edge certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway checks this certificate on port 23456. An internal certification authority is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway certificate (front-end pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway presents this certificate to the edge on port 23456 and to your users' XMPP clients on port 5222. An internal certification authority is fine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::SiteForm</name>
    <message>
        <source>Site name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP federation route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edge pool that carries this site's XMPP federation traffic. Only edge pools with XMPP federation enabled are offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP federation route:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: this site does not federate over XMPP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (XMPP federation not enabled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::StepWork</name>
    <message>
        <source>Nothing to do for this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already up to date: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) applied</source>
        <translation><numerusform>%n action applied</numerusform><numerusform>%n actions applied</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date.</source>
        <translation><numerusform>%n already up to date.</numerusform><numerusform>%n already up to date.</numerusform></translation>
    </message>
    <message>
        <source>Restarting fedgated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fedgated started (process %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 for %n record(s).</source>
        <translation><numerusform>Asking %1 for %n record.</numerusform><numerusform>Asking %1 for %n records.</numerusform></translation>
    </message>
    <message>
        <source>Every record is as planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): see the DNS page.</source>
        <translation><numerusform>%n finding: see the DNS page.</numerusform><numerusform>%n findings: see the DNS page.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n check(s) passed.</source>
        <translation><numerusform>%1 of %n check passed.</numerusform><numerusform>%1 of %n checks passed.</numerusform></translation>
    </message>
    <message>
        <source>Open the log for the fixes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyPage</name>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe your sites, their front-end and edge pools, and which edge pool carries each site's XMPP federation traffic. Changes are saved as a draft at once; Publish makes them the new version edge servers install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Front End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Edge Ser&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an object in the tree to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (XMPP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problem found: the topology can be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topology has errors (listed under Validation). Fix them, then publish again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published version %1. Install it on each edge server from the Deployment page (local configuration store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 published again as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2. Errors must be fixed before publishing; click a line to select the object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <source>New E&amp;dge Pool...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the errors under Validation before publishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New edge pool %1 in site %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New topology for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1 also changes the following:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can bring everything back with Edit &gt; Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyView</name>
    <message>
        <source>Topology picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites, pools, XMPP federation routes and partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site yet. Add a site to start the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP route of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front-end pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge pool, XMPP port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge pool, no XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>front-end pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge pool with XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge pool without XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public, unverified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::UsersPage</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users of the topology are the gateway's accounts. Each one chats with partners only if the external access policy that applies to it allows XMPP federation. A user logs in once it has a password in the gateway's account store on this machine; only salted SCRAM hashes are stored, never the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XMPP federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway account store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway account store: %1 (%2; setting a password creates it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The topology has no users yet. Add them on the External access page (Add User).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to set its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is empty: type a password for %1 in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed. Type the same password in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is longer than %1 bytes; choose a shorter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the gateway account store...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the password of %1 from %2; %1 can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had no password in %2; nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the password of %1 in %2. It applies at the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2. XMPP federation: &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one character, at most %1 bytes. Type it twice; it is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::VersionsDialog</name>
    <message>
        <source>Published Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back publishes the content of the selected version again, as a new version. Edge servers pick it up when their local store is installed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back to This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (and %n more change)</numerusform><numerusform>%1 (and %n more changes)</numerusform></translation>
    </message>
    <message>
        <source>Roll Back to Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the content of version %1 again as version %2? Edge servers pick it up the next time their local store is installed; unpublished edits in the draft are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is the same as the latest version: nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) against the latest version, for example: %1</source>
        <translation><numerusform>%n change against the latest version: %1</numerusform><numerusform>%n changes against the latest version, for example: %1</numerusform></translation>
    </message>
    <message>
        <source>Roll Back and Publish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::Workspace</name>
    <message>
        <source>The central store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central store is not open. Restart Fedgate; if it fails again, check that the store location is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (and %n more change)</numerusform><numerusform>%1 (and %n more changes)</numerusform></translation>
    </message>
</context>
</TS>