package main

import (
	"context"
	"fmt"

	logicalpb "vaultpathgen/gohost/proto/logical"
	"vaultpathgen/gohost/proto/pb"
)

// The identity, replication and password-policy answers the DynamicCreds sample asks for.

func (sysView) ReplicationState(context.Context, *pb.Empty) (*pb.ReplicationStateReply, error) {
	return &pb.ReplicationStateReply{State: 1 << 5}, nil
}

func (sysView) GeneratePasswordFromPolicy(_ context.Context, req *pb.GeneratePasswordFromPolicyRequest) (*pb.GeneratePasswordFromPolicyReply, error) {
	if req.PolicyName != "alnum-16" {
		return nil, fmt.Errorf("policy %q not found", req.PolicyName)
	}
	return &pb.GeneratePasswordFromPolicyReply{Password: "Alnum16Password0"}, nil
}

func (sysView) EntityInfo(_ context.Context, args *pb.EntityInfoArgs) (*pb.EntityInfoReply, error) {
	if args.EntityId != "ent-1" {
		return &pb.EntityInfoReply{}, nil
	}
	return &pb.EntityInfoReply{Entity: &logicalpb.Entity{ID: "ent-1", Name: "alice", Aliases: []*logicalpb.Alias{{MountType: "userpass", Name: "alice"}}}}, nil
}

func (sysView) GroupsForEntity(_ context.Context, args *pb.EntityInfoArgs) (*pb.GroupsForEntityReply, error) {
	if args.EntityId != "ent-1" {
		return &pb.GroupsForEntityReply{}, nil
	}
	return &pb.GroupsForEntityReply{Groups: []*logicalpb.Group{{ID: "g-1", Name: "ops"}, {ID: "g-2", Name: "dev"}}}, nil
}
