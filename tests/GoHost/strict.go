package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"os"
	"os/exec"
	"sync/atomic"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	"vaultpathgen/gohost/proto/pb"
)

// hostCertificate makes a certificate the way go-plugin's AutoMTLS does.
func hostCertificate() (tls.Certificate, []byte) {
	key, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	tmpl := &x509.Certificate{
		Subject:               pkix.Name{CommonName: "localhost", Organization: []string{"HashiCorp"}},
		DNSNames:              []string{"localhost"},
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment | x509.KeyUsageKeyAgreement | x509.KeyUsageCertSign,
		BasicConstraintsValid: true, IsCA: true, SerialNumber: serial,
		NotBefore: time.Now().Add(-30 * time.Second), NotAfter: time.Now().Add(time.Hour),
	}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// runStrictBroker: newer go-plugin hosts demand the plugin's certificate on their brokered
// listeners. go-plugin 1.0.1 does not, so this host does mTLS by hand (as AutoMTLS would) and
// its broker listener requires and verifies a client certificate against the plugin's.
func runStrictBroker(pluginPath string) {
	cert, certPEM := hostCertificate()
	var verifiedClients int32
	config := &tls.Config{Certificates: []tls.Certificate{cert}, ServerName: "localhost", MinVersion: tls.VersionTLS12}
	// Server side only (the broker listener); RootCAs holds the plugin's certificate once the
	// handshake line has been read.
	config.GetConfigForClient = func(*tls.ClientHelloInfo) (*tls.Config, error) {
		return &tls.Config{
			Certificates: []tls.Certificate{cert},
			ClientAuth:   tls.RequireAndVerifyClientCert,
			ClientCAs:    config.RootCAs,
			MinVersion:   tls.VersionTLS12,
			NextProtos:   []string{"h2"},
			VerifyPeerCertificate: func([][]byte, [][]*x509.Certificate) error {
				atomic.AddInt32(&verifiedClients, 1)
				return nil
			},
		}, nil
	}

	cmd := exec.Command(pluginPath)
	cmd.Env = append(os.Environ(), "PLUGIN_CLIENT_CERT="+string(certPEM))
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshake,
		VersionedPlugins: map[int]plugin.PluginSet{5: {"backend": backendPlugin{}}},
		Cmd:              cmd,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		TLSConfig:        config,
		Stderr:           io.Discard,
		Logger:           hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Error}),
	})
	defer client.Kill()

	rpc, err := client.Client()
	var reply *pb.HandleRequestReply
	var m *mount
	if err == nil {
		var raw interface{}
		raw, err = rpc.Dispense("backend")
		if err == nil {
			m, err = setupMount(raw.(*pluginConn), "strict", true)
		}
	}
	if err == nil {
		reply, err = m.request("create", "kv/strict", map[string]interface{}{"v": 1})
	}
	ok := err == nil && reply.Err == nil && m.storage.get("kv/strict") != nil && atomic.LoadInt32(&verifiedClients) > 0
	report("broker_dial_presents_client_certificate", ok, "%v %v verified=%d", reply, err, atomic.LoadInt32(&verifiedClients))
}
