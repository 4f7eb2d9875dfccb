using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Security;

/// <summary>
/// With DataProtection:KeyCertificate configured, the dashboard's keys reach PostgreSQL encrypted, and another node
/// with the same certificate still reads what the first one protected.
/// </summary>
public sealed class KeyRingEncryptionTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("incidents-keyring-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("keyring");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_configured_certificate_and_every_node_with_it_can_read_them()
    {
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:KeyCertificate:Path"] = WriteCertificate("key-ring.pfx", "s3cret-pfx"),
            ["DataProtection:KeyCertificate:Password"] = "s3cret-pfx",
        };
        byte[] protectedBytes;
        await using (var first = new ApiFactory(_database, settings: settings))
        {
            protectedBytes = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(Encoding.UTF8.GetBytes("セッション"));
        }

        var stored = await _database.ListAsync<string>("select xml from data_protection_keys");
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using var second = new ApiFactory(_database, settings: settings);
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedBytes);
        Assert.Equal("セッション", Encoding.UTF8.GetString(unprotected));
    }

    [Fact]
    public void A_missing_certificate_file_stops_the_start_with_a_message_that_names_the_setting()
    {
        using var node = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["DataProtection:KeyCertificate:Path"] = Path.Combine(_folder, "missing.pfx"),
        });

        var failure = Assert.ThrowsAny<Exception>(() => node.Server);
        Assert.Contains("DataProtection:KeyCertificate:Path", failure.ToString(), StringComparison.Ordinal);
    }

    private string WriteCertificate(string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=incidents key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
