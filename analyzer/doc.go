// Package analyzer defines stsregional, an analyzer that reports AWS STS
// calls going to the global endpoint sts.amazonaws.com.
package analyzer

const doc = `report AWS STS calls that go to the global endpoint sts.amazonaws.com

The global STS endpoint is served from us-east-1. See the checks STS001-STS007.`
