using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Incidents.Api.Dashboard.Sessions;

/// <summary>
/// The certificate that encrypts the dashboard's data-protection keys before they are stored in PostgreSQL
/// (<c>DataProtection:KeyCertificate:Path</c> to a PKCS#12 file with its private key, and <c>:Password</c>). Without
/// it the keys are stored as plain XML, and anyone who can read the database or a backup can forge session cookies.
/// Every node needs the same certificate.
/// </summary>
public static class KeyRingCertificate
{
    public const string Section = "DataProtection:KeyCertificate";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[$"{Section}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{Section}:Path names '{path}', which does not exist. Point it at the PKCS#12 (.pfx) file every node shares, or remove the setting.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:Password"], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The certificate in '{path}' could not be read ({e.Message}). Check {Section}:Password.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate in '{path}' has no private key; the nodes could not read the keys it encrypts.");
        }

        return certificate;
    }
}
