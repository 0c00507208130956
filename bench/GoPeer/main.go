// Command gopeer is the Go side of the side-by-side benchmark: a minimal KV secrets engine served the
// way Vault's Go SDK serves one (go-plugin, protocol version 5, gRPC, AutoMTLS, Storage reached back
// through the broker), with Vault's JSON at both ends. It has no sdk/framework routing or field schema,
// so it is a lower bound for what a Go plugin costs per request.
package main

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"vaultpathgen/gohost/proto/pb"
)

var handshake = plugin.HandshakeConfig{
	MagicCookieKey:   "VAULT_BACKEND_PLUGIN",
	MagicCookieValue: "6669da05-b1c8-4f49-97d9-c8e5bed98e20",
}

type backendPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (backendPlugin) GRPCServer(broker *plugin.GRPCBroker, s *grpc.Server) error {
	trustHostForBrokerDials(broker)
	pb.RegisterBackendServer(s, &backend{broker: broker})
	return nil
}

func (backendPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return nil, errors.New("gopeer serves only")
}

type backend struct {
	pb.UnimplementedBackendServer
	broker  *plugin.GRPCBroker
	mu      sync.RWMutex
	storage pb.StorageClient
}

func (b *backend) Setup(_ context.Context, args *pb.SetupArgs) (*pb.SetupReply, error) {
	conn, err := b.broker.Dial(args.BrokerId)
	if err != nil {
		return &pb.SetupReply{Err: err.Error()}, nil
	}
	b.mu.Lock()
	b.storage = pb.NewStorageClient(conn)
	b.mu.Unlock()
	return &pb.SetupReply{}, nil
}

func (b *backend) Initialize(context.Context, *pb.InitializeArgs) (*pb.InitializeReply, error) {
	return &pb.InitializeReply{}, nil
}

func (b *backend) Type(context.Context, *pb.Empty) (*pb.TypeReply, error) {
	return &pb.TypeReply{Type: 1}, nil
}

func (b *backend) SpecialPaths(context.Context, *pb.Empty) (*pb.SpecialPathsReply, error) {
	return &pb.SpecialPathsReply{Paths: &pb.Paths{}}, nil
}

func (b *backend) HandleExistenceCheck(context.Context, *pb.HandleExistenceCheckArgs) (*pb.HandleExistenceCheckReply, error) {
	return &pb.HandleExistenceCheckReply{CheckFound: false}, nil
}

func (b *backend) Cleanup(context.Context, *pb.Empty) (*pb.Empty, error) { return &pb.Empty{}, nil }

func (b *backend) InvalidateKey(context.Context, *pb.InvalidateKeyArgs) (*pb.Empty, error) {
	return &pb.Empty{}, nil
}

func errorReply(code uint32, message string) *pb.HandleRequestReply {
	return &pb.HandleRequestReply{Err: &pb.ProtoError{ErrType: code, ErrMsg: message}}
}

func dataReply(data map[string]interface{}) (*pb.HandleRequestReply, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	return &pb.HandleRequestReply{Response: &pb.Response{Data: string(raw)}}, nil
}

// HandleRequest serves data/<key>: read returns {"data": ...}, update stores the request's "data".
func (b *backend) HandleRequest(ctx context.Context, args *pb.HandleRequestArgs) (*pb.HandleRequestReply, error) {
	req := args.Request
	if !strings.HasPrefix(req.Path, "data/") || len(req.Path) == len("data/") {
		return errorReply(3, "unsupported path"), nil
	}
	b.mu.RLock()
	storage := b.storage
	b.mu.RUnlock()
	key := req.Path
	switch req.Operation {
	case "read":
		got, err := storage.Get(ctx, &pb.StorageGetArgs{Key: key})
		if err != nil {
			return nil, err
		}
		if got.Err != "" {
			return errorReply(0, got.Err), nil
		}
		if got.Entry == nil {
			return &pb.HandleRequestReply{}, nil
		}
		var stored map[string]interface{}
		if err := json.Unmarshal(got.Entry.Value, &stored); err != nil {
			return errorReply(0, err.Error()), nil
		}
		return dataReply(map[string]interface{}{"data": stored})
	case "create", "update":
		var body map[string]interface{}
		if err := json.Unmarshal([]byte(req.Data), &body); err != nil {
			return errorReply(3, err.Error()), nil
		}
		data, ok := body["data"].(map[string]interface{})
		if !ok {
			return errorReply(3, "no data provided"), nil
		}
		value, err := json.Marshal(data)
		if err != nil {
			return nil, err
		}
		put, err := storage.Put(ctx, &pb.StoragePutArgs{Entry: &pb.StorageEntry{Key: key, Value: value}})
		if err != nil {
			return nil, err
		}
		if put.Err != "" {
			return errorReply(0, put.Err), nil
		}
		return &pb.HandleRequestReply{}, nil
	}
	return errorReply(4, "unsupported operation"), nil
}

// trustHostForBrokerDials applies the fix later go-plugin releases (which Vault ships) carry: under
// AutoMTLS, 1.0.1's broker dials the host with the server-side TLS config, which neither trusts the
// host's certificate nor names "localhost", so Setup could not reach Storage. Both live in the
// broker's unexported config, hence reflection; it runs once, before any dial.
func trustHostForBrokerDials(broker *plugin.GRPCBroker) {
	field := reflect.ValueOf(broker).Elem().FieldByName("tls")
	config := *(**tls.Config)(unsafe.Pointer(field.UnsafeAddr()))
	if config != nil {
		config.RootCAs = config.ClientCAs
		config.ServerName = "localhost"
	}
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig:  handshake,
		VersionedPlugins: map[int]plugin.PluginSet{5: {"backend": backendPlugin{}}},
		GRPCServer: func(opts []grpc.ServerOption) *grpc.Server {
			// Vault's SDK lifts gRPC's 4 MiB message limits the same way.
			opts = append(opts, grpc.MaxRecvMsgSize(math.MaxInt32), grpc.MaxSendMsgSize(math.MaxInt32))
			return grpc.NewServer(opts...)
		},
		Logger: hclog.New(&hclog.LoggerOptions{Output: io.Writer(os.Stderr), Level: hclog.Error, JSONFormat: true}),
	})
}
