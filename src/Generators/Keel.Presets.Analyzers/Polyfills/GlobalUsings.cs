// The shared parser sources are written for Keel.Model's implicit usings; give them the same here.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
