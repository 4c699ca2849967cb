@Plugin(id = "bad-range")
package com.example.bad;

import dev.graft.Plugin;
