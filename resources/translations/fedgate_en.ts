<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fedgate::wizard::CertificateRequestWizard</name>
    <message>
        <location filename="../../wizard/certificates/CertificateRequestWizard.cpp" line="23"></location>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::CertificatesPage</name>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="58"></location>
        <source>Publish the topology first: certificate names come from the published topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="71"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="89"></location>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="72"></location>
        <source>Request a certificate for each edge interface, import what your certification authority sends back, then assign it. The external certificate must name what partners connect to; the list warns before a certificate expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="85"></location>
        <source>Certificates in the key store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="91"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="137"></location>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="91"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="391"></location>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="91"></location>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="92"></location>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="92"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="398"></location>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="92"></location>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="98"></location>
        <source>&amp;Request...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="99"></location>
        <source>&amp;Import...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="166"></location>
        <source>Assign to &amp;External Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="168"></location>
        <source>Assign to I&amp;nternal Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="131"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="135"></location>
        <source>Pending requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="137"></location>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="137"></location>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="137"></location>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="140"></location>
        <source>View &amp;CSR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="205"></location>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;, expires on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="210"></location>
        <source>%1: no certificate assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="285"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="550"></location>
        <source>Select a certificate in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="300"></location>
        <source>Assigned to the %1 interface. Restart the edge services to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="313"></location>
        <source>Select a pending request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="324"></location>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="187"></location>
        <source>External edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="189"></location>
        <source>Internal edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="172"></location>
        <source>Assign to &amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="193"></location>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="123"></location>
        <source>&amp;Details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="112"></location>
        <source>E&amp;xport...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="142"></location>
        <source>De&amp;lete Request...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="345"></location>
        <source>Delete Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="346"></location>
        <source>Delete the pending request %1 and its private key? A certificate issued for it can then no longer be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="352"></location>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="362"></location>
        <source>Request deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="383"></location>
        <source>server authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="385"></location>
        <source>client authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="392"></location>
        <source>Names (SAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="394"></location>
        <source>XMPP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="395"></location>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="395"></location>
        <source>%1 (self-signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="396"></location>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="397"></location>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="399"></location>
        <source>Extended key usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="400"></location>
        <source>(none: any purpose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="401"></location>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="407"></location>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="408"></location>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="409"></location>
        <source>incomplete: an intermediate or the root is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="423"></location>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="425"></location>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="425"></location>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="430"></location>
        <source>Certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="461"></location>
        <source>Only an assigned certificate can be exported with its key. Assign it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="466"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="473"></location>
        <source>Export Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="468"></location>
        <source>PKCS #12 files (*.pfx *.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="474"></location>
        <source>Password protecting the file (you type it again when importing it on the other pool member):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="493"></location>
        <source>Exported with its key and chain to %1 (PKCS #12). Import it on the other members of the pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="116"></location>
        <source>Re&amp;move Assignment...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="119"></location>
        <source>Rene&amp;w...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="514"></location>
        <source>This certificate is not assigned to any interface; there is no assignment to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="519"></location>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="524"></location>
        <source>Remove Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="520"></location>
        <source>Remove the certificate from the %1 interface? The interface then has no certificate until another is assigned. The certificate stays in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="534"></location>
        <source>The %1 interface has no certificate now. Restart the edge services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="557"></location>
        <source>Renew Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="558"></location>
        <source>Renew %1 with the same names and a new key? The internal CA signs it at once; assign the new certificate to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="560"></location>
        <source>Make a request for %1 with the same names and a new key? Send its CSR to your CA, then import the answer and assign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="564"></location>
        <source>The current certificate stays assigned until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="565"></location>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="581"></location>
        <source>Renewed: the new certificate is in the list. Assign it to replace the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/CertificatesPage.cpp" line="583"></location>
        <source>Renewal request made: select it under Pending requests, View CSR and send it to your CA, then import the answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::DnsPage</name>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="85"></location>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="87"></location>
        <source>checking...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="89"></location>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="91"></location>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="93"></location>
        <source>other target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="95"></location>
        <source>other port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="97"></location>
        <source>other priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="99"></location>
        <source>service disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="101"></location>
        <source>target is an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="103"></location>
        <source>private address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="124"></location>
        <source>DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="125"></location>
        <source>Partners find your edge through these records. Publish the external ones in your Internet zone, then check them here: against the system resolver, or against a name server you name (for example your zone's primary, before it propagates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="135"></location>
        <source>S&amp;ystem resolver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="137"></location>
        <source>&amp;Name server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="141"></location>
        <source>Name server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="142"></location>
        <source>e.g. 192.0.2.53</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="144"></location>
        <source>Also check &amp;internal records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="145"></location>
        <location filename="../../wizard/DnsPage.cpp" line="307"></location>
        <source>&amp;Check Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="149"></location>
        <source>Check progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="163"></location>
        <source>Planned DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="166"></location>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="171"></location>
        <source>Findings and fixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="175"></location>
        <source>DNS findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="183"></location>
        <source>Export &amp;Zone Snippet...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="184"></location>
        <source>Export C&amp;SV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="185"></location>
        <source>Co&amp;py Zone Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="220"></location>
        <source>Records planned from published version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="222"></location>
        <source>Nothing is published yet: records planned from the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="235"></location>
        <source>external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="235"></location>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="288"></location>
        <source>&amp;Cancel Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="333"></location>
        <source>Create: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="335"></location>
        <source>Delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="362"></location>
        <source>Check cancelled. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="373"></location>
        <source>Zone snippet copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="378"></location>
        <source>Export Zone Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="380"></location>
        <source>Zone files (*.zone *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="386"></location>
        <location filename="../../wizard/DnsPage.cpp" line="402"></location>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="389"></location>
        <source>Zone snippet written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="396"></location>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="396"></location>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="405"></location>
        <source>Checklist written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/DnsPage.cpp" line="353"></location>
        <source>%n of %1 record(s) correct on %2 (%3 ms).</source>
        <translation><numerusform>%n of %1 records correct on %2 (%3 ms).</numerusform><numerusform>%n of %1 records correct on %2 (%3 ms).</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="105"></location>
        <source>not checked: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="107"></location>
        <source>not checked: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="109"></location>
        <source>not checked: refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="113"></location>
        <source>not checked: server failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="346"></location>
        <source>DNSSEC of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="347"></location>
        <source>DNSSEC of %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/DnsPage.cpp" line="358"></location>
        <source>Last check (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::EdgePoolForm</name>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="14"></location>
        <source>Internal pool FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="14"></location>
        <source>edge.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="15"></location>
        <source>The pool's identity: the FQDN of its internal interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="17"></location>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="17"></location>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="18"></location>
        <source>The name partners connect to; the XMPP SRV records point to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="21"></location>
        <source>Enable XMPP federation (port 5269)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="22"></location>
        <source>Run the XMPP proxy on this pool. A site routes its XMPP traffic only through a pool that has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="25"></location>
        <source>XMPP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="26"></location>
        <source>Internal link port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="27"></location>
        <source>Also accept direct TLS (XEP-0368)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="28"></location>
        <source>Direct TLS port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="30"></location>
        <source>Next hop pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="31"></location>
        <source>Next hop pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgePoolForm.cpp" line="52"></location>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::EdgeServerForm</name>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="10"></location>
        <source>Internal FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="10"></location>
        <source>edge1.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="12"></location>
        <source>Internal IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="13"></location>
        <source>Internal IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="13"></location>
        <location filename="../../wizard/EdgeServerForm.cpp" line="16"></location>
        <location filename="../../wizard/EdgeServerForm.cpp" line="17"></location>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="14"></location>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="14"></location>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="15"></location>
        <source>External IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="16"></location>
        <source>External IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="17"></location>
        <source>Public IPv4 behind NAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/EdgeServerForm.cpp" line="18"></location>
        <source>Fill in when the external interface sits behind NAT: DNS then publishes this address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::FrontEndPoolForm</name>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="14"></location>
        <source>Pool FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="14"></location>
        <source>pool.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="18"></location>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="22"></location>
        <source>Member servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="20"></location>
        <source>The FQDN of each server in the pool, one per row. A single-computer pool lists the pool FQDN itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="22"></location>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/FrontEndPoolForm.cpp" line="23"></location>
        <source>One server FQDN per row; double-click a row to change it. A single-computer pool lists the pool FQDN itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::HomePage</name>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="57"></location>
        <source>Deployment steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="58"></location>
        <source>Run the steps from top to bottom. Each step shows what is already done on this machine; Run Again repeats a step safely, for example after you change and republish the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="93"></location>
        <source>Publish the topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="94"></location>
        <source>Describe sites, pools and the XMPP federation route, then publish them to the central store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="102"></location>
        <source>Not published yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="107"></location>
        <source>Version %1 published on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="109"></location>
        <source>The draft has unpublished changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="118"></location>
        <source>Install the local configuration store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="119"></location>
        <source>Copy the published topology into this machine's local store; the federation services read only this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="125"></location>
        <source>Publish the topology first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="133"></location>
        <source>Not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="137"></location>
        <source>Version %1 installed on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="142"></location>
        <source>Version %1 is newer: run again to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="155"></location>
        <source>Not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="302"></location>
        <source>The local configuration store now holds the latest published topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="317"></location>
        <source>Set up components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="318"></location>
        <source>Install or update what the topology puts on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="162"></location>
        <source>Request certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="163"></location>
        <source>Create the requests for the external and internal edge interfaces, with the names taken from the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="165"></location>
        <source>Import certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="166"></location>
        <source>Import the certificates your certification authority issued and match them to their private keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="168"></location>
        <source>Assign certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="170"></location>
        <source>Assign a certificate to the external and to the internal edge interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="326"></location>
        <source>Check DNS records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="327"></location>
        <source>Check the SRV and address records partners use to find this edge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="252"></location>
        <source>Start services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="254"></location>
        <source>Start the federation services and verify the listeners on ports 5269 and 23456.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="364"></location>
        <source>Run Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="364"></location>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="193"></location>
        <source>No request yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="211"></location>
        <source>No certificate imported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="222"></location>
        <source>Import a certificate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="231"></location>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="233"></location>
        <source>%1: not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="332"></location>
        <source>Not checked since Fedgate started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="264"></location>
        <source>Starting services from the wizard is not available in this version: run systemctl start fedgated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/HomePage.cpp" line="276"></location>
        <source>fedgated is running (process %1), listening on %2, %n session(s).</source>
        <translation><numerusform>fedgated is running (process %1), listening on %2, %n session.</numerusform><numerusform>fedgated is running (process %1), listening on %2, %n sessions.</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="284"></location>
        <source>Asking fedgated...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="291"></location>
        <source>fedgated is not running (it does not answer on its control channel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/HomePage.cpp" line="196"></location>
        <source>%1, %2 in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/HomePage.cpp" line="197"></location>
        <source>%n pending request(s)</source>
        <translation><numerusform>%n pending request</numerusform><numerusform>%n pending requests</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/HomePage.cpp" line="198"></location>
        <source>%n certificate(s)</source>
        <translation><numerusform>%n certificate</numerusform><numerusform>%n certificates</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/HomePage.cpp" line="214"></location>
        <source>%n certificate(s) imported.</source>
        <translation><numerusform>%n certificate imported.</numerusform><numerusform>%n certificates imported.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/HomePage.cpp" line="244"></location>
        <source>%n of %1 record(s) correct at %2.</source>
        <translation><numerusform>%n of %1 records correct at %2.</numerusform><numerusform>%n of %1 records correct at %2.</numerusform></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ImportCertificateDialog</name>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="26"></location>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="85"></location>
        <source>Import Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="29"></location>
        <source>Choose the file your certification authority sent: PEM or DER (.cer, .crt, .pem), PKCS#7 (.p7b) or PKCS#12 (.pfx, .p12). The certificate is matched to the private key of its pending request, or the key in the file is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="41"></location>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="42"></location>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="47"></location>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="52"></location>
        <source>File password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="54"></location>
        <source>only for PFX files and encrypted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="55"></location>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="57"></location>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="58"></location>
        <source>keep the request's</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="59"></location>
        <source>F&amp;riendly name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="60"></location>
        <source>A key in the file may be &amp;exported again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="71"></location>
        <source>Certificate check findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="76"></location>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="86"></location>
        <source>Certificates (*.cer *.crt *.pem *.der *.p7b *.p7c *.pfx *.p12);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="106"></location>
        <source>PFX Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="107"></location>
        <source>%1 protects its private key with a password. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="123"></location>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="128"></location>
        <source>Imported "%1" (%2, %3). Private key: matched with %4. Expires on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/ImportCertificateDialog.cpp" line="142"></location>
        <source>No problem found in the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::KeyCreationPage</name>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="23"></location>
        <source>Creating the key and the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="24"></location>
        <source>You can keep using Fedgate meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="33"></location>
        <source>Key creation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="35"></location>
        <source>View &amp;CSR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="37"></location>
        <source>View &amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="50"></location>
        <source>Generating the private key... %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="73"></location>
        <source>Request for the %1 interface, key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="95"></location>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="97"></location>
        <source>The request could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="100"></location>
        <source>Key %1 generated and stored encrypted in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="102"></location>
        <source>Request %1 created for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="104"></location>
        <source>Done in %1 s. The request is pending in the key store (id %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="107"></location>
        <source>CSR written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="108"></location>
        <source>The CSR was written to %1: send it to your certification authority, then import the answer from the Certificates page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="114"></location>
        <source>Signed by the internal certification authority and imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="115"></location>
        <source>The internal authority signed it and the certificate is imported; assign it from the Certificates page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="153"></location>
        <source>Certificate Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/KeyCreationPage.cpp" line="159"></location>
        <source>Request Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::MainWindow</name>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="74"></location>
        <source>Fedgate - XMPP federation deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="82"></location>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="97"></location>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="100"></location>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="102"></location>
        <source>XMPP partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="104"></location>
        <source>External access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="107"></location>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="131"></location>
        <source>Central store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="138"></location>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="145"></location>
        <source>&amp;Open Topology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="147"></location>
        <source>&amp;Export Topology File...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="147"></location>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="150"></location>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="152"></location>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="167"></location>
        <source>&amp;Deployment Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="167"></location>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="169"></location>
        <source>&amp;Topology...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="169"></location>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="171"></location>
        <source>XMPP &amp;Partners...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="171"></location>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="173"></location>
        <source>External &amp;Access Policies...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="173"></location>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="176"></location>
        <source>U&amp;sers and Passwords...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="176"></location>
        <source>Ctrl+7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="184"></location>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="195"></location>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="196"></location>
        <source>&amp;About Fedgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="217"></location>
        <source>The %1 translation is missing; staying in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="240"></location>
        <location filename="../../wizard/MainWindow.cpp" line="248"></location>
        <source>Open Topology File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="241"></location>
        <location filename="../../wizard/MainWindow.cpp" line="255"></location>
        <source>Topology documents (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="246"></location>
        <source>Loaded %1 as the draft topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="253"></location>
        <location filename="../../wizard/MainWindow.cpp" line="262"></location>
        <source>Export Topology File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="260"></location>
        <source>Draft topology written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="317"></location>
        <source>About Fedgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="318"></location>
        <source>&lt;b&gt;Fedgate&lt;/b&gt;&lt;br&gt;Deploys XMPP federation through an edge server: topology, partners, policies, certificates and DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="114"></location>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="125"></location>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="179"></location>
        <source>&amp;Certificates...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="179"></location>
        <source>Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="181"></location>
        <source>&amp;DNS Records...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="181"></location>
        <source>Ctrl+6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="47"></location>
        <source>The draft was changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="51"></location>
        <location filename="../../wizard/MainWindow.cpp" line="55"></location>
        <source>Reload the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="52"></location>
        <source>Keep my view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="139"></location>
        <source>&amp;New Topology...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="156"></location>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="159"></location>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="161"></location>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="164"></location>
        <source>D&amp;iscard Draft...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="269"></location>
        <location filename="../../wizard/MainWindow.cpp" line="273"></location>
        <location filename="../../wizard/MainWindow.cpp" line="280"></location>
        <location filename="../../wizard/MainWindow.cpp" line="291"></location>
        <location filename="../../wizard/MainWindow.cpp" line="307"></location>
        <source>Discard Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="274"></location>
        <source>Nothing is published yet, so there is no version to go back to. Publish the topology first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="287"></location>
        <source>The draft has no unpublished change: it is version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/MainWindow.cpp" line="292"></location>
        <source>Discard %n unpublished change(s) and go back to published version %1?</source>
        <translation><numerusform>Discard %n unpublished change and go back to published version %1?</numerusform><numerusform>Discard %n unpublished changes and go back to published version %1?</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="301"></location>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/MainWindow.cpp" line="309"></location>
        <source>Draft discarded: the topology is the published version again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NameListEditor</name>
    <message>
        <location filename="../../wizard/NameListEditor.cpp" line="13"></location>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NameListEditor.cpp" line="14"></location>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NameListEditor.cpp" line="25"></location>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NameListEditor.cpp" line="27"></location>
        <source>Remove from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewEdgePoolWizard</name>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="56"></location>
        <source>Edge pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="57"></location>
        <source>The pool's internal FQDN is its identity; partners connect to its external FQDN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="63"></location>
        <source>edge.contoso.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="64"></location>
        <source>Internal pool FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="66"></location>
        <source>Single-computer pool (one edge server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="70"></location>
        <source>Multiple-computer pool (servers share the load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="76"></location>
        <source>xmpp.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="77"></location>
        <source>External FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="79"></location>
        <source>Enable XMPP federation (port 5269)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="116"></location>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="124"></location>
        <source>Edge servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="117"></location>
        <source>Each server's internal interface (towards the gateway) and external interface (towards partners). New servers take the pool's external FQDN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="126"></location>
        <source>Internal FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="126"></location>
        <source>Internal IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="127"></location>
        <source>External FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="127"></location>
        <source>External IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="128"></location>
        <source>Public IPv4 (NAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="133"></location>
        <source>Add Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="135"></location>
        <source>Remove Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="142"></location>
        <source>The external interfaces are behind NAT (DNS then publishes the public address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="196"></location>
        <source>Next hop and route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="197"></location>
        <source>Where the pool sends traffic inside, and whether this site's XMPP federation goes through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="203"></location>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="207"></location>
        <source>%1 (site %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="210"></location>
        <source>Next hop pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="225"></location>
        <source>Route the XMPP federation of site %1 through this pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewEdgePoolWizard.cpp" line="249"></location>
        <source>New Edge Pool in Site %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::NewTopologyWizard</name>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="24"></location>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="25"></location>
        <source>Your organisation's name and the domains its users' addresses are in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="31"></location>
        <source>Contoso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="32"></location>
        <source>Organisation name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="35"></location>
        <source>contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="36"></location>
        <source>Default SIP domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="37"></location>
        <source>XMPP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="39"></location>
        <source>XMPP domains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="40"></location>
        <source>The domains of your users' XMPP addresses, one per row. Left empty, the SIP domain is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="73"></location>
        <source>First site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="74"></location>
        <source>A site is a place with its own servers, such as a city or a data centre. You add edge pools to it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="81"></location>
        <source>Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="82"></location>
        <source>Site name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="85"></location>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="88"></location>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="89"></location>
        <source>Front-end pool FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="90"></location>
        <source>The gateway's pool in this site, if it has one (a single-computer pool: its member is the pool FQDN itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/NewTopologyWizard.cpp" line="119"></location>
        <source>New Topology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::ObjectForm</name>
    <message>
        <location filename="../../wizard/ObjectForm.cpp" line="44"></location>
        <location filename="../../wizard/ObjectForm.cpp" line="71"></location>
        <location filename="../../wizard/ObjectForm.cpp" line="88"></location>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::OrganisationForm</name>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="12"></location>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="12"></location>
        <source>Contoso Ltd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="14"></location>
        <source>Default SIP domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="14"></location>
        <location filename="../../wizard/OrganisationForm.cpp" line="20"></location>
        <source>contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="15"></location>
        <source>The domain of your users' addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="17"></location>
        <source>Additional SIP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="17"></location>
        <source>fabrikam.com, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="18"></location>
        <source>Other domains your users have addresses in, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="20"></location>
        <source>XMPP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="21"></location>
        <source>Domains whose users federate over XMPP; the edge answers for them and DNS must publish an SRV record for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="27"></location>
        <source>Gateway settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="28"></location>
        <source> s</source>
        <comment>seconds suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="30"></location>
        <source>Connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="31"></location>
        <source>Maximum XMPP server-to-server connections of the whole gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="34"></location>
        <source>Connections per partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="35"></location>
        <source>Maximum connections to one partner, unless the partner sets its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="37"></location>
        <source>Keep-alive interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="38"></location>
        <source>Time between keep-alives on idle streams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="41"></location>
        <source>Stream establishment timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="42"></location>
        <source>Time a new stream may take to be established before it is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="45"></location>
        <source>Stream inactivity timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="46"></location>
        <source>Time without traffic after which a stream is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="49"></location>
        <source>Subscription refresh interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="50"></location>
        <source>Time between refreshes of presence subscriptions with partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="52"></location>
        <source>Log the bodies of all messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/OrganisationForm.cpp" line="53"></location>
        <source>Message bodies are your users' conversations: enable this only while diagnosing a problem.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PageHeader</name>
    <message>
        <location filename="../../wizard/PageHeader.cpp" line="24"></location>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PageHeader.cpp" line="33"></location>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnerDialog</name>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="33"></location>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="34"></location>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="35"></location>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="46"></location>
        <source>New XMPP Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="47"></location>
        <source>Edit XMPP Partner %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="50"></location>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="61"></location>
        <source>Primary &amp;domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="61"></location>
        <source>fabrikam.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="62"></location>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="63"></location>
        <source>&amp;Additional domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="64"></location>
        <source>Other domains of the same partner, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="67"></location>
        <source>Partner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="68"></location>
        <source>Federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="69"></location>
        <source>Public verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="70"></location>
        <source>Public unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="71"></location>
        <source>Partner &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="77"></location>
        <source>Stream negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="81"></location>
        <source>TLS negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="83"></location>
        <source>T&amp;LS negotiation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="86"></location>
        <source>SASL negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="88"></location>
        <source>&amp;SASL negotiation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="89"></location>
        <source>Allow server &amp;dialback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="99"></location>
        <source>Negotiation verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="106"></location>
        <source>What this combination negotiates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="107"></location>
        <source>Negotiates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="110"></location>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="115"></location>
        <source>Connection limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="116"></location>
        <source>Connection &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="117"></location>
        <source>Send &amp;keep-alive pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="120"></location>
        <source>&amp;Verify its certificate by DANE when its zone is signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="122"></location>
        <source>Checks the partner's certificate against the TLSA records of its SRV target, validated by DNSSEC (RFC 6698, RFC 7673).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="127"></location>
        <source>Proxy FQDN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="128"></location>
        <source>optional: connect through this host instead of DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="129"></location>
        <source>&amp;Proxy FQDN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="196"></location>
        <source>Enter the partner's primary domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="199"></location>
        <source>The primary domain is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="203"></location>
        <source>The additional domain %1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="208"></location>
        <source>The proxy FQDN is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="212"></location>
        <source>%1 is one of your own domains; a partner must be another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="216"></location>
        <source>%1 already belongs to partner %2. Edit that partner instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="226"></location>
        <source>Trusted: partner contacts may add your users, see their presence and status notes, and send them messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="230"></location>
        <source>Partner contacts may add your users, see presence and send messages without authorisation, but never see status notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="234"></location>
        <source>Partner contacts can communicate only with users who added them first. Recommended for public providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="244"></location>
        <source>This combination is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnerDialog.cpp" line="57"></location>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PartnersPage</name>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="25"></location>
        <source>Federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="27"></location>
        <source>Public verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="31"></location>
        <source>Public unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="38"></location>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="40"></location>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="44"></location>
        <source>Not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="54"></location>
        <location filename="../../wizard/PartnersPage.cpp" line="64"></location>
        <source>XMPP partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="55"></location>
        <source>The XMPP domains your users may exchange messages and presence with. The partner type decides what partner contacts may do without your users' consent; TLS, SASL and dialback decide how the servers authenticate each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>SASL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>Dialback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="67"></location>
        <source>Negotiates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="73"></location>
        <source>&amp;New...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="75"></location>
        <source>&amp;Edit...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="77"></location>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="107"></location>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="107"></location>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="157"></location>
        <source>Partner %1 saved in the draft topology. Publish the topology to apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PartnersPage.cpp" line="175"></location>
        <source>Partner %1 removed from the draft topology.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PoliciesPage</name>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="51"></location>
        <source>Global (everyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="53"></location>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="57"></location>
        <source>User policy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="67"></location>
        <source>External access policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="68"></location>
        <source>Decide who may communicate outside the organisation. A user policy granted to a user wins over the policy of the user's site, which wins over the global policy. A user federates over XMPP only if the policy that applies allows XMPP federation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="76"></location>
        <location filename="../../wizard/PoliciesPage.cpp" line="80"></location>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="84"></location>
        <source>Site for a new site policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="85"></location>
        <source>Add Site Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="89"></location>
        <source>Name of a new user policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="90"></location>
        <source>contractors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="91"></location>
        <source>Add User Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="93"></location>
        <location filename="../../wizard/PoliciesPage.cpp" line="240"></location>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="103"></location>
        <source>Selected policy allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="106"></location>
        <source>Policy description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="107"></location>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="120"></location>
        <source>Users and grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="124"></location>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="126"></location>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="126"></location>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="126"></location>
        <source>Granted user policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="132"></location>
        <source>Address of a new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="133"></location>
        <source>alice@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="135"></location>
        <source>Home site of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="136"></location>
        <source>Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="145"></location>
        <source>Effective policy of the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="209"></location>
        <source>Policy granted to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="210"></location>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="240"></location>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="263"></location>
        <source>Every site already has a policy (or there is no site yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="279"></location>
        <source>Type a name for the user policy first, without ':'.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="286"></location>
        <source>The user policy %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="324"></location>
        <source>Type the user's address as name@domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="330"></location>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="360"></location>
        <source>Select a user to see which policy applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="370"></location>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 applies (%3). Allows: %4. XMPP federation: &lt;b&gt;%5&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="373"></location>
        <source>nothing outside the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="375"></location>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="375"></location>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="35"></location>
        <source>Federation with other organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="37"></location>
        <source>XMPP federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="39"></location>
        <source>Public IM providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="41"></location>
        <source>Audio and video with public providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PoliciesPage.cpp" line="43"></location>
        <source>Access from outside the network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::PublishDialog</name>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="19"></location>
        <source>Publish Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="24"></location>
        <source>Nothing is published yet. Publishing stores this topology as version 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="37"></location>
        <source>Changes to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="39"></location>
        <source>No change: publishing stores the same topology again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="74"></location>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="75"></location>
        <source>Why this change, for the versions list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="76"></location>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="80"></location>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/PublishDialog.cpp" line="25"></location>
        <source>Publishing makes version %1 with %n change(s) against published version %2:</source>
        <translation><numerusform>Publishing makes version %1 with %n change against published version %2:</numerusform><numerusform>Publishing makes version %1 with %n changes against published version %2:</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="51"></location>
        <source>No warning: the topology passes every check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/PublishDialog.cpp" line="52"></location>
        <source>%n warning(s) remain. You can publish, but read them first:</source>
        <translation><numerusform>%n warning remains. You can publish, but read it first:</numerusform><numerusform>%n warnings remain. You can publish, but read them first:</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/PublishDialog.cpp" line="61"></location>
        <source>Outstanding warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestFilePage</name>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="16"></location>
        <source>Certificate request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="17"></location>
        <source>The CSR is written here, to send to your certification authority. It holds no secret; the private key stays in Fedgate's key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="23"></location>
        <source>Request file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="24"></location>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="29"></location>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="35"></location>
        <source>Certificate Request File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestFilePage.cpp" line="35"></location>
        <source>Requests (*.csr *.req)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestGeographyPage</name>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="18"></location>
        <source>Geographical information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="19"></location>
        <source>Where your organisation is registered. Type to search the country list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="23"></location>
        <source>Country or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="41"></location>
        <source>(choose a country)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="46"></location>
        <source>&amp;Country or region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="50"></location>
        <source>State or province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="53"></location>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="54"></location>
        <source>&amp;State or province:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestGeographyPage.cpp" line="55"></location>
        <source>C&amp;ity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestKeyPage</name>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="16"></location>
        <source>Name and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="17"></location>
        <source>The friendly name tells certificates apart in lists. A longer key is stronger but slower to create: RSA 4096 can take several seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="22"></location>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="23"></location>
        <source>&amp;Friendly name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="26"></location>
        <source>Key type and size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="31"></location>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="32"></location>
        <source>Mark the private key as &amp;exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="35"></location>
        <source>Exportable keys can be copied, with the certificate, to the other servers of the edge pool as a PFX file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="49"></location>
        <source>XMPP edge external</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestKeyPage.cpp" line="50"></location>
        <source>XMPP edge internal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestModePage</name>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="18"></location>
        <source>Delayed or immediate request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="19"></location>
        <source>Choose who signs the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="22"></location>
        <source>&amp;Prepare the request now, send it to a certification authority later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="28"></location>
        <source>Have the deployment's &amp;internal certification authority sign it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="30"></location>
        <source>A delayed request writes a CSR file; import the answer later from the Certificates page. Partners usually do not trust the internal authority, so use it for the internal edge or for tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="41"></location>
        <source>This deployment has no internal certification authority yet. Creating one makes a private authority on this machine that signs certificates for the internal edge, the gateway and tests; partners on the Internet do not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestModePage.cpp" line="48"></location>
        <source>Create the internal certification &amp;authority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestNamesPage</name>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="27"></location>
        <source>Subject name and alternative names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="28"></location>
        <source>Filled in from the published topology. Tick the SIP domains whose sip.&lt;domain&gt; name the certificate must carry and add any other name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="32"></location>
        <source>SIP domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="45"></location>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="49"></location>
        <source>Additional names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="53"></location>
        <source>New alternative name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="54"></location>
        <source>webconf.contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="55"></location>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="57"></location>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="65"></location>
        <source>Add XMPP service names (SRV-ID, _xmpp-server.&lt;domain&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="66"></location>
        <source>Add XMPP addresses (xmppAddr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="72"></location>
        <source>Names the request will carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="123"></location>
        <source>%1 cannot be added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="158"></location>
        <source>Subject: CN=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestNamesPage.cpp" line="159"></location>
        <source>Alternative names:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestOrganisationPage</name>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="13"></location>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="19"></location>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="14"></location>
        <source>Public certification authorities check these against your registration; use your organisation's legal name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="22"></location>
        <source>Organisational unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="23"></location>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="24"></location>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestOrganisationPage.cpp" line="25"></location>
        <source>Organisational &amp;unit:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestSummaryPage</name>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="18"></location>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="26"></location>
        <source>Request summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="19"></location>
        <source>Check the request. Create generates the private key and the request; it cannot be undone from here, but a pending request can be deleted later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="22"></location>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="45"></location>
        <source>Certificate for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="46"></location>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="47"></location>
        <source>delayed, CSR written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="48"></location>
        <source>immediate, signed by the internal authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="49"></location>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="49"></location>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="50"></location>
        <source>Friendly name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="51"></location>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="52"></location>
        <source>Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="52"></location>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="52"></location>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="53"></location>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="54"></location>
        <source>Organisational unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="55"></location>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="56"></location>
        <source>State or province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="57"></location>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="60"></location>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestSummaryPage.cpp" line="61"></location>
        <source>Alternative names</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTemplatePage</name>
    <message>
        <location filename="../../wizard/certificates/RequestTemplatePage.cpp" line="12"></location>
        <source>Certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTemplatePage.cpp" line="13"></location>
        <source>Only Active Directory certification authorities use templates; others ignore this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTemplatePage.cpp" line="16"></location>
        <source>&amp;Use an alternate certificate template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTemplatePage.cpp" line="20"></location>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTemplatePage.cpp" line="24"></location>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::RequestTypePage</name>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="12"></location>
        <source>Certificate type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="13"></location>
        <source>Each edge interface needs its own certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="15"></location>
        <source>&amp;External edge certificate (public interface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="18"></location>
        <source>Partners check this certificate on port 5269. Have it issued by a public certification authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="21"></location>
        <source>&amp;Internal edge certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="23"></location>
        <source>The gateway checks this certificate on port 23456. An internal certification authority is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="26"></location>
        <source>&amp;Gateway certificate (front-end pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/certificates/RequestTypePage.cpp" line="28"></location>
        <source>The gateway presents this certificate to the edge on port 23456 and to your users' XMPP clients on port 5222. An internal certification authority is fine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::SiteForm</name>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="12"></location>
        <source>Site name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="12"></location>
        <source>Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="14"></location>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="17"></location>
        <source>XMPP federation route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="18"></location>
        <source>The edge pool that carries this site's XMPP federation traffic. Only edge pools with XMPP federation enabled are offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="20"></location>
        <source>XMPP federation route:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="34"></location>
        <source>(none: this site does not federate over XMPP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="39"></location>
        <source>%1 (site %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/SiteForm.cpp" line="45"></location>
        <source>%1 (XMPP federation not enabled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyPage</name>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="59"></location>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="60"></location>
        <source>Describe your sites, their front-end and edge pools, and which edge pool carries each site's XMPP federation traffic. Changes are saved as a draft at once; Publish makes them the new version edge servers install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="70"></location>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="74"></location>
        <source>Topology objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="81"></location>
        <source>Add &amp;Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="82"></location>
        <source>Add &amp;Front End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="84"></location>
        <source>Add Edge Ser&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="85"></location>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="93"></location>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="96"></location>
        <source>Select an object in the tree to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="142"></location>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="126"></location>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="133"></location>
        <source>Validation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="154"></location>
        <source>&amp;Publish...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="156"></location>
        <source>Versions...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="205"></location>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="210"></location>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="217"></location>
        <source>%1 (XMPP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="223"></location>
        <source>Edge server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="307"></location>
        <source>No problem found: the topology can be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="366"></location>
        <source>Site%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="482"></location>
        <source>The topology has errors (listed under Validation). Fix them, then publish again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="512"></location>
        <source>Published version %1. Install it on each edge server from the Deployment page (local configuration store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="525"></location>
        <source>Version %1 published again as version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="310"></location>
        <source>%1 and %2. Errors must be fixed before publishing; click a line to select the object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/TopologyPage.cpp" line="312"></location>
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/TopologyPage.cpp" line="312"></location>
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="83"></location>
        <source>New E&amp;dge Pool...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="304"></location>
        <source>Fix the errors under Validation before publishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="406"></location>
        <source>New edge pool %1 in site %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="420"></location>
        <source>New topology for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="453"></location>
        <location filename="../../wizard/TopologyPage.cpp" line="474"></location>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="459"></location>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="460"></location>
        <source>Removing %1 also changes the following:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="466"></location>
        <source>You can bring everything back with Edit &gt; Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyPage.cpp" line="467"></location>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::TopologyView</name>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="46"></location>
        <source>Topology picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="47"></location>
        <source>Sites, pools, XMPP federation routes and partners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="73"></location>
        <source>No site yet. Add a site to start the topology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="165"></location>
        <source>Site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="207"></location>
        <source>XMPP route of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="106"></location>
        <source>Front-end pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="112"></location>
        <source>Edge pool, XMPP port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="113"></location>
        <source>Edge pool, no XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="216"></location>
        <source>front-end pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="217"></location>
        <source>edge pool with XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="218"></location>
        <source>edge pool without XMPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="219"></location>
        <source>partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="33"></location>
        <source>federated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="35"></location>
        <source>public, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/TopologyView.cpp" line="39"></location>
        <source>public, unverified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::UsersPage</name>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="54"></location>
        <location filename="../../wizard/users/UsersPage.cpp" line="70"></location>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="55"></location>
        <source>The users of the topology are the gateway's accounts. Each one chats with partners only if the external access policy that applies to it allows XMPP federation. A user logs in once it has a password in the gateway's account store on this machine; only salted SCRAM hashes are stored, never the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="72"></location>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="72"></location>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="72"></location>
        <source>Home site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="73"></location>
        <source>Granted policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="73"></location>
        <source>Effective policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="73"></location>
        <source>XMPP federation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="74"></location>
        <location filename="../../wizard/users/UsersPage.cpp" line="84"></location>
        <location filename="../../wizard/users/UsersPage.cpp" line="178"></location>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="100"></location>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="101"></location>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="102"></location>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="103"></location>
        <source>Re&amp;peat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="106"></location>
        <source>&amp;Set Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="108"></location>
        <source>Remo&amp;ve Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="133"></location>
        <source>Gateway account store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="134"></location>
        <source>Gateway account store: %1 (%2; setting a password creates it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="144"></location>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="144"></location>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="145"></location>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="145"></location>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="161"></location>
        <source>The topology has no users yet. Add them on the External access page (Add User).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="179"></location>
        <source>Select a user to set its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="185"></location>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="185"></location>
        <source>not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="214"></location>
        <source>The password is empty: type a password for %1 in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="216"></location>
        <source>The two passwords differ; nothing was changed. Type the same password in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="220"></location>
        <source>The password is longer than %1 bytes; choose a shorter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="269"></location>
        <source>Writing to the gateway account store...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="277"></location>
        <source>The password of %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="282"></location>
        <source>Removed the password of %1 from %2; %1 can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="284"></location>
        <source>%1 had no password in %2; nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="287"></location>
        <source>Set the password of %1 in %2. It applies at the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="183"></location>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2. XMPP federation: &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="186"></location>
        <source>Password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/users/UsersPage.cpp" line="188"></location>
        <source>At least one character, at most %1 bytes. Type it twice; it is never shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::VersionsDialog</name>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="26"></location>
        <source>Published Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="29"></location>
        <source>Rolling back publishes the content of the selected version again, as a new version. Edge servers pick it up when their local store is installed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="37"></location>
        <source>Published versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="40"></location>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="40"></location>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="40"></location>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="40"></location>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="40"></location>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="46"></location>
        <source>&amp;Roll Back to This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="75"></location>
        <source>First version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="79"></location>
        <source>No change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/VersionsDialog.cpp" line="82"></location>
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (and %n more change)</numerusform><numerusform>%1 (and %n more changes)</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="121"></location>
        <source>Roll Back to Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="122"></location>
        <source>Publish the content of version %1 again as version %2? Edge servers pick it up the next time their local store is installed; unpublished edits in the draft are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="131"></location>
        <source>It is the same as the latest version: nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/VersionsDialog.cpp" line="132"></location>
        <source>%n change(s) against the latest version, for example: %1</source>
        <translation><numerusform>%n change against the latest version: %1</numerusform><numerusform>%n changes against the latest version, for example: %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../wizard/VersionsDialog.cpp" line="137"></location>
        <source>Roll Back and Publish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fedgate::wizard::Workspace</name>
    <message>
        <location filename="../../wizard/Workspace.cpp" line="132"></location>
        <location filename="../../wizard/Workspace.cpp" line="179"></location>
        <location filename="../../wizard/Workspace.cpp" line="186"></location>
        <location filename="../../wizard/Workspace.cpp" line="193"></location>
        <location filename="../../wizard/Workspace.cpp" line="200"></location>
        <location filename="../../wizard/Workspace.cpp" line="216"></location>
        <source>The central store is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wizard/Workspace.cpp" line="143"></location>
        <source>The central store is not open. Restart Fedgate; if it fails again, check that the store location is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wizard/Workspace.cpp" line="123"></location>
        <source>%1 (and %n more change(s))</source>
        <translation><numerusform>%1 (and %n more change)</numerusform><numerusform>%1 (and %n more changes)</numerusform></translation>
    </message>
</context>
</TS>