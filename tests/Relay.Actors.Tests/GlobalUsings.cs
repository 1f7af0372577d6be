global using Relay.Actors.TestKit;
global using Relay.Actors.Tests.Support;
global using Microsoft.Extensions.Logging;
