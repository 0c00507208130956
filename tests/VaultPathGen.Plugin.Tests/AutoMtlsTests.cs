using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VaultPathGen.Plugin.Hosting;

namespace VaultPathGen.Plugin.Tests;

public sealed class AutoMtlsTests
{
    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadCertificate(cert.RawData);
    }

    [Fact]
    public void Certificate_is_made_like_go_plugins()
    {
        using var mtls = new AutoMtls(SelfSigned("CN=localhost, O=HashiCorp"));
        var cert = mtls.Certificate;

        Assert.True(cert.HasPrivateKey);
        using var key = cert.GetECDsaPublicKey()!;
        Assert.Equal(521, key.KeySize);
        Assert.Contains("CN=localhost", cert.Subject, StringComparison.Ordinal);
        Assert.Contains("O=HashiCorp", cert.Subject, StringComparison.Ordinal);
        Assert.True(cert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        var eku = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToList();
        Assert.Contains("1.3.6.1.5.5.7.3.1", eku);
        Assert.Contains("1.3.6.1.5.5.7.3.2", eku);
        Assert.Equal(["localhost"], cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        Assert.True(cert.NotBefore.ToUniversalTime() < DateTime.UtcNow && cert.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddYears(20));
    }

    [Fact]
    public void Handshake_certificate_is_unpadded_base64_of_the_der()
    {
        using var mtls = new AutoMtls(SelfSigned("CN=localhost"));
        var text = mtls.HandshakeCertificate;

        Assert.DoesNotContain('=', text);
        var padded = text + new string('=', (4 - text.Length % 4) % 4);
        Assert.Equal(mtls.Certificate.RawData, Convert.FromBase64String(padded));
    }

    [Fact]
    public void Only_the_hosts_certificate_is_trusted()
    {
        using var host = SelfSigned("CN=localhost, O=HashiCorp");
        using var stranger = SelfSigned("CN=localhost, O=HashiCorp");
        using var mtls = new AutoMtls(X509CertificateLoader.LoadCertificate(host.RawData));

        Assert.True(mtls.IsTrustedPeer(host));
        Assert.False(mtls.IsTrustedPeer(stranger));
        Assert.False(mtls.IsTrustedPeer(null));
    }

    [Fact]
    public void Host_certificate_must_be_pem()
        => Assert.Throws<InvalidOperationException>(() => AutoMtls.ParseHostCertificate("not pem"));
}
