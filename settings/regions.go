package settings

// azureLocations are the Azure public-cloud regions (az account list-locations, 2025).
var azureLocations = []string{
	"australiacentral", "australiaeast", "australiasoutheast", "austriaeast", "belgiumcentral", "brazilsouth",
	"canadacentral", "canadaeast", "centralindia", "centralus", "chilecentral", "eastasia", "eastus", "eastus2",
	"francecentral", "germanywestcentral", "indonesiacentral", "israelcentral", "italynorth", "japaneast",
	"japanwest", "koreacentral", "koreasouth", "malaysiawest", "mexicocentral", "newzealandnorth",
	"northcentralus", "northeurope", "norwayeast", "polandcentral", "qatarcentral", "southafricanorth",
	"southcentralus", "southindia", "southeastasia", "spaincentral", "swedencentral", "switzerlandnorth",
	"uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westus", "westus2", "westus3",
}

// gcpRegions are the Google Cloud regions (gcloud compute regions list, 2025).
var gcpRegions = []string{
	"africa-south1", "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3",
	"asia-south1", "asia-south2", "asia-southeast1", "asia-southeast2", "australia-southeast1",
	"australia-southeast2", "europe-central2", "europe-north1", "europe-north2", "europe-southwest1",
	"europe-west1", "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8",
	"europe-west9", "europe-west10", "europe-west12", "me-central1", "me-central2", "me-west1",
	"northamerica-northeast1", "northamerica-northeast2", "northamerica-south1", "southamerica-east1",
	"southamerica-west1", "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1",
	"us-west2", "us-west3", "us-west4",
}
