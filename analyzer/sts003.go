package analyzer

var sts003 = Check{
	ID:       V1RegionTrap,
	Category: "v1-region-not-enough",
	Default:  true,
	Doc: Doc{
		Title: "aws-sdk-go v1 Region is not enough",
		Text: "Like STS002, but the session or client sets a Region: a constant Region in the legacy list, or a " +
			"Region known only at run time. The finding names the Region, or says it is set at run time.\n\n" +
			"Why: in v1, setting `Region` (field, `WithRegion`, `AWS_REGION` or shared config) does not move STS " +
			"off the global endpoint for the 15 legacy Regions: us-east-1, us-east-2, us-west-1, us-west-2, " +
			"eu-west-1, eu-west-2, eu-west-3, eu-central-1, eu-north-1, ap-northeast-1, ap-south-1, " +
			"ap-southeast-1, ap-southeast-2, ca-central-1, sa-east-1 (`aws/endpoints/legacy_regions.go`). A " +
			"constant Region outside this list (ap-northeast-2, ap-northeast-3, opt-in Regions, China, GovCloud) " +
			"already resolves regionally and is not reported. As for STS002, `STSRegionalEndpoint` is the " +
			"stop-gap and migrating to aws-sdk-go-v2 the lasting fix.",
		Wrong: "sess := session.Must(session.NewSession(&aws.Config{\n\tRegion: aws.String(\"eu-west-1\"),\n}))\nsvc := sts.New(sess) // still https://sts.amazonaws.com, signed for us-east-1",
		Right: "sess := session.Must(session.NewSession(&aws.Config{\n\tRegion:              aws.String(\"eu-west-1\"),\n\tSTSRegionalEndpoint: endpoints.RegionalSTSEndpoint,\n}))\nsvc := sts.New(sess) // https://sts.eu-west-1.amazonaws.com",
		Fix:   "as for STS002.",
	},
	Run: func(p *pass) { p.checkV1Clients(V1RegionTrap) },
}
