// Azure Communication Services for SMS. The phone number is bought separately (portal or CLI)
// and passed back in as smsFromNumber; see docs/DEPLOY.md.
@description('Communication Services resource name.')
param name string

@description('Where ACS stores data at rest, e.g. United States, Europe, Canada, UK.')
param dataLocation string

@description('Resource tags.')
param tags object = {}

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: name
  // Communication Services is a global resource; its data stays in dataLocation.
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // No access keys: the app sends SMS with its managed identity (Entra ID).
    disableLocalAuth: true
  }
}

output id string = communication.id
output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
