package main

import (
	"context"
	"sort"
	"strings"
	"sync"

	logicalpb "vaultpathgen/gohost/proto/logical"
	"vaultpathgen/gohost/proto/pb"
)

// memStorage is what Vault serves a mount on the broker: pb.Storage over an in-memory map.
type memStorage struct {
	mu      sync.Mutex
	entries map[string]*pb.StorageEntry
	puts    int
}

func newMemStorage() *memStorage { return &memStorage{entries: map[string]*pb.StorageEntry{}} }

func (s *memStorage) get(key string) *pb.StorageEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.entries[key]
}

func (s *memStorage) List(_ context.Context, args *pb.StorageListArgs) (*pb.StorageListReply, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	var keys []string
	for k := range s.entries {
		if !strings.HasPrefix(k, args.Prefix) {
			continue
		}
		rest := k[len(args.Prefix):]
		if i := strings.Index(rest, "/"); i >= 0 {
			rest = rest[:i+1]
		}
		if !seen[rest] {
			seen[rest] = true
			keys = append(keys, rest)
		}
	}
	sort.Strings(keys)
	return &pb.StorageListReply{Keys: keys}, nil
}

func (s *memStorage) Get(_ context.Context, args *pb.StorageGetArgs) (*pb.StorageGetReply, error) {
	return &pb.StorageGetReply{Entry: s.get(args.Key)}, nil
}

func (s *memStorage) Put(_ context.Context, args *pb.StoragePutArgs) (*pb.StoragePutReply, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.puts++
	s.entries[args.Entry.Key] = args.Entry
	return &pb.StoragePutReply{}, nil
}

func (s *memStorage) Delete(_ context.Context, args *pb.StorageDeleteArgs) (*pb.StorageDeleteReply, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.entries, args.Key)
	return &pb.StorageDeleteReply{}, nil
}

// sysView answers the SystemView calls a backend may make.
type sysView struct {
	pb.UnimplementedSystemViewServer
}

func (sysView) DefaultLeaseTTL(context.Context, *pb.Empty) (*pb.TTLReply, error) {
	return &pb.TTLReply{TTL: int64(768 * 3600 * 1e9)}, nil
}

func (sysView) MaxLeaseTTL(context.Context, *pb.Empty) (*pb.TTLReply, error) {
	return &pb.TTLReply{TTL: int64(24 * 3600 * 1e9)}, nil
}

func (sysView) PluginEnv(context.Context, *pb.Empty) (*pb.PluginEnvReply, error) {
	return &pb.PluginEnvReply{PluginEnvironment: &logicalpb.PluginEnvironment{VaultVersion: "1.15.0"}}, nil
}
