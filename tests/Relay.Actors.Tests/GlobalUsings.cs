global using Relay.Actors.TestKit;
global using Relay.Actors.Tests.Support;
